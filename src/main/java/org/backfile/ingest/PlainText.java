package org.backfile.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text as an article: the first line is its own paragraph (it may be the title), and so are
 * the short lines under it (a byline, a date); the rest splits on blank lines, with wrapped lines
 * joined back together.
 */
final class PlainText {

  /** Lines under the first one that are kept apart as possible byline or date lines. */
  private static final int HEADER_LINES = 3;
  private static final int MAX_HEADER_LINE_CHARS = 80;

  private PlainText() {}

  static List<String> paragraphs(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) i++;
    // Header: the first line, then short lines until the first blank line.
    for (int h = 0; i < lines.length && !lines[i].isBlank() && h < HEADER_LINES
        && (h == 0 || lines[i].strip().length() <= MAX_HEADER_LINE_CHARS); h++, i++) {
      out.add(lines[i].strip());
    }
    StringBuilder para = new StringBuilder();
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        flush(para, out);
      } else {
        if (para.length() > 0) para.append(' ');
        para.append(line);
      }
    }
    flush(para, out);
    return out;
  }

  /**
   * Paragraphs of running text with no header to keep apart: blank lines end a paragraph, and so
   * does an indented line when {@code indentStartsParagraph} (wire copy indents each paragraph).
   */
  static List<String> blocks(String text, boolean indentStartsParagraph) {
    List<String> out = new ArrayList<>();
    StringBuilder para = new StringBuilder();
    for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || (indentStartsParagraph && Character.isWhitespace(raw.charAt(0)))) {
        flush(para, out);
      }
      if (!line.isEmpty()) {
        if (para.length() > 0) para.append(' ');
        para.append(line);
      }
    }
    flush(para, out);
    return out;
  }

  private static void flush(StringBuilder para, List<String> out) {
    if (para.length() > 0) out.add(para.toString());
    para.setLength(0);
  }
}
