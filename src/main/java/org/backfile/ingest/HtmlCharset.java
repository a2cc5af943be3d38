package org.backfile.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Decodes a saved page the way a browser would: byte order mark first, then a charset declared in
 * the first 4 KB ({@code <meta charset>}, {@code http-equiv}, XML declaration), then detection.
 *
 * <p>One departure from browsers, because saved pages are often re-encoded: bytes that are valid
 * UTF-8 and contain multi-byte sequences are read as UTF-8 even when a single-byte charset is
 * declared (real windows-1252 text almost never happens to be valid UTF-8).
 */
final class HtmlCharset {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int PRESCAN = 4096;
  private static final Pattern META = Pattern.compile(
      "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]{2,40})",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_DECL = Pattern.compile(
      "<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([a-zA-Z0-9_.:-]{2,40})", Pattern.CASE_INSENSITIVE);

  private HtmlCharset() {}

  static String decode(byte[] bytes) {
    Charset bom = fromBom(bytes);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return new String(bytes, skip, bytes.length - skip, bom);
    }
    if (isAscii(bytes)) {
      return new String(bytes, choose(bytes, Utf8.ASCII));
    }
    // Most pages are UTF-8: one decode serves as the validity check and as the text.
    String utf8 = new String(bytes, StandardCharsets.UTF_8);
    Charset cs = choose(bytes, isWellFormed(bytes, utf8) ? Utf8.MULTIBYTE : Utf8.INVALID);
    return cs.equals(StandardCharsets.UTF_8) ? utf8 : new String(bytes, cs);
  }

  static Charset detect(byte[] bytes) {
    Charset bom = fromBom(bytes);
    if (bom != null) {
      return bom;
    }
    return choose(bytes, checkUtf8(bytes));
  }

  /** The charset of a page without a byte order mark, given what its bytes are as UTF-8. */
  private static Charset choose(byte[] bytes, Utf8 utf8) {
    Charset declared = declared(bytes);
    if (declared != null) {
      if (declared.equals(StandardCharsets.UTF_8)) {
        // A few stray bytes (a Latin-1 comment in an ad script) in a page of UTF-8 text: a
        // browser shows the text as declared, and so do we. Mostly invalid: re-encoded, guess.
        return utf8 == Utf8.INVALID && !mostlyUtf8(bytes) ? guess(bytes) : declared;
      }
      if (utf8 == Utf8.MULTIBYTE && isSingleByte(declared)) {
        return StandardCharsets.UTF_8;
      }
      return declared;
    }
    if (utf8 != Utf8.INVALID) {
      return StandardCharsets.UTF_8;
    }
    return guess(bytes);
  }

  private static Charset guess(byte[] bytes) {
    try {
      CharsetDetector detector = new CharsetDetector();
      detector.setText(bytes);
      detector.enableInputFilter(true);
      CharsetMatch match = detector.detect();
      if (match != null && match.getConfidence() >= 30) {
        return browserAlias(Charset.forName(match.getName()));
      }
    } catch (RuntimeException e) {
      // Unknown or unsupported charset name: fall through to the web's default.
    }
    return WINDOWS_1252;
  }

  static Charset declared(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    String name = m.find() ? m.group(1) : null;
    if (name == null) {
      Matcher x = XML_DECL.matcher(head);
      name = x.find() ? x.group(1) : null;
    }
    if (name == null) {
      return null;
    }
    try {
      Charset cs = browserAlias(Charset.forName(name));
      // A page cannot declare UTF-16 in ASCII-compatible bytes; browsers read that as UTF-8.
      return cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Browsers read latin-1 and ASCII declarations as windows-1252. */
  private static Charset browserAlias(Charset cs) {
    String n = cs.name().toUpperCase(Locale.ROOT);
    if (n.equals("ISO-8859-1") || n.equals("US-ASCII")) {
      return WINDOWS_1252;
    }
    return cs;
  }

  private static boolean isSingleByte(Charset cs) {
    String n = cs.name().toUpperCase(Locale.ROOT);
    return n.startsWith("WINDOWS-125") || n.startsWith("ISO-8859") || n.startsWith("KOI8")
        || n.equals("US-ASCII");
  }

  private static Charset fromBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private enum Utf8 { ASCII, MULTIBYTE, INVALID }

  /** Whether well-formed multi-byte UTF-8 sequences outnumber malformed bytes ten to one. */
  static boolean mostlyUtf8(byte[] bytes) {
    int valid = 0;
    int invalid = 0;
    for (int i = 0; i < bytes.length; ) {
      int b = bytes[i] & 0xff;
      int len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
          : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      boolean ok = len > 0 && i + len <= bytes.length;
      for (int k = 1; ok && k < len; k++) {
        ok = (bytes[i + k] & 0xC0) == 0x80;
      }
      if (!ok) {
        invalid++;
        i++;
      } else {
        valid += len > 1 ? 1 : 0;
        i += len;
      }
    }
    return valid >= 10L * invalid;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code bytes} are well-formed UTF-8, given their decoding with replacement: the
   * decoder writes U+FFFD for each malformed sequence, so the text has more U+FFFD than the
   * bytes spell out (EF BF BD, which no malformed sequence can absorb: EF is never a
   * continuation byte) exactly when the bytes are malformed.
   */
  static boolean isWellFormed(byte[] bytes, String decoded) {
    if (decoded.indexOf('\uFFFD') < 0) {
      return true; // nothing replaced, and no EF BF BD either (it would decode to U+FFFD)
    }
    int written = 0;
    for (int i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBF && bytes[i + 2] == (byte) 0xBD) {
        written++;
      }
    }
    int replaced = 0;
    for (int i = 0; i < decoded.length(); i++) {
      if (decoded.charAt(i) == '\uFFFD') {
        replaced++;
      }
    }
    return replaced == written;
  }

  private static Utf8 checkUtf8(byte[] bytes) {
    if (isAscii(bytes)) {
      return Utf8.ASCII;
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return Utf8.MULTIBYTE;
    } catch (CharacterCodingException e) {
      return Utf8.INVALID;
    }
  }
}
