package org.backfile.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a text stream, read one at a time so that a multi-gigabyte collection file never sits
 * in memory. Each line is UTF-8 when its bytes are valid UTF-8, else Windows-1252 (the usual
 * charset of old text); deciding per line rather than per file keeps one stray byte from turning a
 * whole UTF-8 file into mojibake. Lines end at {@code \n}; a {@code \r} before it is dropped, and a
 * byte-order mark at the start is skipped. Not thread-safe.
 */
final class TextLines {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final InputStream in;
  private final long maxLineBytes;
  private final String source;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[64 * 1024];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int pos;
  private int end;
  private boolean first = true;
  private boolean eof;

  /**
   * @param maxLineBytes longest line read; a longer one fails the file as {@code TOO_LARGE}, since
   *     a line (one JSONL record, one header) is held whole
   */
  TextLines(InputStream in, long maxLineBytes, String source) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.source = source;
  }

  /** The lines of text already in memory (tests, and the in-memory extraction path). */
  static TextLines of(byte[] content, String source) {
    return new TextLines(new java.io.ByteArrayInputStream(content), Long.MAX_VALUE, source);
  }

  static TextLines of(String text, String source) {
    return of(text.getBytes(StandardCharsets.UTF_8), source);
  }

  /** The next line without its end, or null at the end of the stream. */
  String next() throws IOException, ExtractionException {
    if (eof) return null;
    line.reset();
    while (true) {
      if (pos == end) {
        end = in.read(buffer);
        pos = 0;
        if (end <= 0) {
          end = 0;
          eof = true;
          return line.size() == 0 ? null : decode();
        }
      }
      int start = pos;
      while (pos < end && buffer[pos] != '\n') pos++;
      line.write(buffer, start, pos - start);
      if (line.size() > maxLineBytes) {
        throw new ExtractionException(source, ExtractionException.Reason.TOO_LARGE,
            "a line longer than the limit of " + maxLineBytes + " bytes");
      }
      if (pos < end) {
        pos++; // the '\n'
        return decode();
      }
    }
  }

  private String decode() {
    byte[] bytes = line.toByteArray();
    int n = bytes.length;
    if (n > 0 && bytes[n - 1] == '\r') n--;
    int from = 0;
    if (first) {
      first = false;
      if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) from = 3;
    }
    if (ascii(bytes, from, n)) return new String(bytes, from, n - from, StandardCharsets.ISO_8859_1);
    try {
      return utf8.decode(ByteBuffer.wrap(bytes, from, n - from)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, from, n - from, WINDOWS_1252);
    }
  }

  private static boolean ascii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) if (bytes[i] < 0) return false;
    return true;
  }
}
