package org.backfile.web;

import org.backfile.search.ArchiveWriter;

/**
 * Whether the server takes writes ({@code POST} and {@code DELETE} under {@code /api/articles}),
 * and from whom: only requests that carry the bearer token. Without a token every write is
 * refused with 403, whatever the request carries.
 *
 * @param writer where added and deleted articles go; may be null only when writes are disabled
 * @param token the bearer token; null or blank disables writes
 * @param maxUploadBytes the largest upload or JSON body accepted (413 above it)
 */
public record WriteConfig(ArchiveWriter writer, String token, long maxUploadBytes) {

  public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

  public WriteConfig {
    token = token == null || token.isBlank() ? null : token;
    if (token != null && writer == null) {
      throw new IllegalArgumentException("writer is required when a token enables writes");
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("maxUploadBytes must be positive, got " + maxUploadBytes);
    }
  }

  public static WriteConfig disabled() {
    return new WriteConfig(null, null, DEFAULT_MAX_UPLOAD_BYTES);
  }

  public boolean enabled() {
    return token != null;
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "WriteConfig[enabled=" + enabled() + ", maxUploadBytes=" + maxUploadBytes + "]";
  }
}
