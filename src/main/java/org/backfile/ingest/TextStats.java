package org.backfile.ingest;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text length, link text length and comma count of every element under a root, computed in one
 * walk so the scorer does not re-read subtrees. Lengths count non-space characters, so markup
 * indentation does not inflate them.
 */
final class TextStats {

  record Stat(int chars, int linkChars, int commas) {
    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  private static final Stat EMPTY = new Stat(0, 0, 0);
  private final Map<Element, Stat> stats = new IdentityHashMap<>();

  TextStats(Element root) {
    compute(root, false);
  }

  Stat of(Element el) {
    Stat s = stats.get(el);
    return s == null ? EMPTY : s;
  }

  private Stat compute(Element el, boolean inLink) {
    boolean link = inLink || el.nameIs("a");
    int chars = 0;
    int linkChars = 0;
    int commas = 0;
    for (Node child : el.childNodes()) {
      if (child instanceof TextNode t) {
        String s = t.getWholeText();
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c > ' ' && c < '\u007f') {
            n++; // printable ASCII, most of any text: no whitespace test needed
            if (c == ',') {
              commas++;
            }
          } else if (!Character.isWhitespace(c) && c != '\u00a0') {
            n++;
            if (c == ',' || c == '，' || c == '、' || c == '،') {
              commas++;
            }
          }
        }
        chars += n;
        if (link) {
          linkChars += n;
        }
      } else if (child instanceof Element e) {
        Stat s = compute(e, link);
        chars += s.chars;
        linkChars += s.linkChars;
        commas += s.commas;
      }
    }
    Stat s = new Stat(chars, linkChars, commas);
    stats.put(el, s);
    return s;
  }
}
