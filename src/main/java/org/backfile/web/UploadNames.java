package org.backfile.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names and sources for uploaded content: the client's file name is a hint, never a path. */
final class UploadNames {

  private static final int MAX_NAME_CHARS = 200;

  private UploadNames() {}

  /**
   * The file name without folders or control characters; "upload" when nothing is left.
   *
   * @throws HttpError 400 when the name climbs out of its folder ({@code ..} as a path segment)
   */
  static String sanitise(String submitted) {
    if (submitted == null) return "upload";
    String[] segments = submitted.split("[/\\\\]", -1);
    for (String segment : segments) {
      if (segment.strip().equals("..")) {
        throw new HttpError(400, "bad_file_name", "The file name must not contain '..' as a folder");
      }
    }
    String name = segments[segments.length - 1].replaceAll("[\\p{Cntrl}:*?\"<>|]", "").strip();
    if (name.length() > MAX_NAME_CHARS) name = name.substring(name.length() - MAX_NAME_CHARS);
    return name.isEmpty() || name.equals(".") ? "upload" : name;
  }

  /** {@code upload:<sha256>/<name>}: the same bytes under the same name replace their articles. */
  static String uploadSource(byte[] content, String name) {
    return "upload:" + sha256Hex(content) + "/" + name;
  }

  /** {@code api:<sha256>}: the same JSON replaces its article. */
  static String jsonSource(byte[] content) {
    return "api:" + sha256Hex(content);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }
}
