package org.backfile.ingest;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A lower bound on the length of {@code el.text().strip()} for every element under a root, from
 * one walk. The cleaners look at short blocks only ("text of at most 200 characters") and asked
 * every element for its text to find out, which re-reads each subtree once per ancestor; this
 * rules out the long ones without building their text. The bound counts the characters that
 * jsoup's {@code text()} keeps wherever they stand and that trimming cannot remove: everything but
 * whitespace (jsoup's, Java's and control characters), the no-break space, the zero-width space
 * and the soft hyphen (jsoup drops the last two).
 *
 * <p>Valid while the subtree is unchanged: an element removed later makes its ancestors' bounds
 * too high, so callers that remove elements visit ancestors before descendants (document order).
 */
final class TextLengths {

  private final Map<Element, Integer> counts = new IdentityHashMap<>();

  TextLengths(Element root) {
    NodeTraversor.traverse(new Counter(), root);
  }

  /** Sums the kept characters of each element's subtree on the way back up. */
  private final class Counter implements NodeVisitor {
    private int[] sums = new int[64];
    private int depth;

    @Override
    public void head(Node node, int d) {
      if (node instanceof Element) {
        if (depth == sums.length) {
          sums = Arrays.copyOf(sums, depth * 2);
        }
        sums[depth++] = 0;
      } else if (node instanceof TextNode t && depth > 0) {
        sums[depth - 1] += kept(t.getWholeText());
      }
    }

    @Override
    public void tail(Node node, int d) {
      if (node instanceof Element el) {
        int n = sums[--depth];
        counts.put(el, n);
        if (depth > 0) {
          sums[depth - 1] += n;
        }
      }
    }
  }

  /** True when {@code el.text().strip()} is certainly longer than {@code limit} characters. */
  boolean longerThan(Element el, int limit) {
    return atLeast(el) > limit;
  }

  /** The lower bound for {@code el} (0 for an element not under the root). */
  int atLeast(Element el) {
    Integer n = counts.get(el);
    return n == null ? 0 : n;
  }

  /** Characters of {@code s} that survive jsoup's whitespace handling and any trimming. */
  static int kept(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c != '\u00a0' && c != '\u200b' && c != '\u00ad' && !Character.isWhitespace(c)) {
        n++;
      }
    }
    return n;
  }
}
