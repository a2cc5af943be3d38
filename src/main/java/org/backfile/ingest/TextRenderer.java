package org.backfile.ingest;

import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an article container into plain text: one paragraph per block element (p, heading, list
 * item, table row, blockquote …), paragraphs separated by a blank line, whitespace collapsed
 * except inside {@code <pre>}.
 */
final class TextRenderer {

  private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile("[ \\t]*\\n[ \\t]*");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{2,}");

  private static final Set<String> CELLS = Set.of("td", "th");

  private final List<String> blocks = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();

  private TextRenderer() {}

  static String render(Element root) {
    TextRenderer r = new TextRenderer();
    r.walk(root, false);
    r.flush();
    return String.join("\n\n", r.blocks);
  }

  /** Paragraphs of an element, as {@link #render} would separate them. */
  static List<String> paragraphs(Element root) {
    TextRenderer r = new TextRenderer();
    r.walk(root, false);
    r.flush();
    return r.blocks;
  }

  private void walk(Element el, boolean pre) {
    boolean block = BodyExtractor.isBlock(el) && !CELLS.contains(el.normalName());
    boolean inPre = pre || el.nameIs("pre");
    if (block) {
      flush();
    }
    for (Node n : el.childNodes()) {
      if (n instanceof TextNode t) {
        append(inPre ? t.getWholeText() : t.text(), inPre);
      } else if (n instanceof Element child) {
        if (child.nameIs("br")) {
          if (inPre) {
            current.append('\n');
          } else {
            trimTrailingSpace();
            current.append('\n');
          }
        } else if (CELLS.contains(child.normalName())) {
          walk(child, inPre);
          append(" ", false);
        } else if (child.nameIs("img")) {
          // Images carry no text; alt text is not article prose.
        } else {
          walk(child, inPre);
        }
      }
    }
    if (block) {
      flush();
    }
  }

  private void append(String text, boolean pre) {
    if (pre) {
      current.append(text);
      return;
    }
    String t = collapsed(text);
    if (t.isEmpty()) {
      return;
    }
    boolean endsBlank = current.isEmpty() || Character.isWhitespace(current.charAt(current.length() - 1));
    current.append(t, endsBlank && t.charAt(0) == ' ' ? 1 : 0, t.length());
  }

  /**
   * Runs of ASCII whitespace ({@code \s} without Unicode classes) and no-break spaces as one
   * space, i.e. {@code text.replace('\u00a0', ' ').replaceAll("\\s+", " ")}, written out because
   * it runs for every text node of the article; most need no change and are returned as they are.
   */
  static String collapsed(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !(isSpace(text.charAt(i))
        && (text.charAt(i) != ' ' || i + 1 < n && isSpace(text.charAt(i + 1))))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    // The character before i is not a space: a single space followed by one would have stopped there.
    StringBuilder sb = new StringBuilder(n).append(text, 0, i);
    boolean inRun = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        sb.append(c);
        inRun = false;
      } else if (!inRun) {
        sb.append(' ');
        inRun = true;
      }
    }
    return sb.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b'
        || c == '\u00a0';
  }

  private void trimTrailingSpace() {
    while (!current.isEmpty() && current.charAt(current.length() - 1) == ' ') {
      current.setLength(current.length() - 1);
    }
  }

  private void flush() {
    if (current.indexOf("\n") < 0) {
      // One line, the usual case: the block itself (what the split below would give).
      String b = current.toString().strip();
      current.setLength(0);
      if (!b.isEmpty()) {
        blocks.add(b);
      }
      return;
    }
    String text = SPACE_AROUND_NEWLINE.matcher(current.toString()).replaceAll("\n");
    current.setLength(0);
    // Two line breaks in a row (<br><br>) end a paragraph, as they do on screen.
    for (String block : BLANK_LINES.split(text)) {
      String b = block.strip();
      if (!b.isEmpty()) {
        blocks.add(b);
      }
    }
  }
}
