package org.backfile.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: the same source and position always give the same id, so re-importing a file
 * replaces its articles instead of adding copies.
 */
public final class ArticleIds {

  private ArticleIds() {}

  /**
   * @param source the file's absolute, normalised path (or archive path)
   * @param ordinal the article's position in the file, 0 for single-article files
   * @return 16 hex digits (64 bits: collisions stay unlikely well past a billion articles)
   */
  public static String of(String source, int ordinal) {
    String key = ordinal == 0 ? source : source + "#" + ordinal;
    return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
