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

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
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
    String t = WHITESPACE.matcher(text.replace('\u00a0', ' ')).replaceAll(" ");
    if (t.isEmpty()) {
      return;
    }
    boolean endsBlank = current.isEmpty() || Character.isWhitespace(current.charAt(current.length() - 1));
    if (endsBlank && t.startsWith(" ")) {
      t = t.substring(1);
    }
    current.append(t);
  }

  private void trimTrailingSpace() {
    while (!current.isEmpty() && current.charAt(current.length() - 1) == ' ') {
      current.setLength(current.length() - 1);
    }
  }

  private void flush() {
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
