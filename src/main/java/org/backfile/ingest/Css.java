package org.backfile.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.select.CombiningEvaluator;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * CSS selectors parsed once. jsoup parses a selector string again on every {@code select} or
 * {@code closest} call, and the extractors call some of them for every heading or element of a
 * page; jsoup's evaluators are thread-safe and meant to be reused. Only for the fixed selectors
 * written in this package (the cache never shrinks), never for selectors built from page data.
 */
final class Css {

  private static final Map<String, Evaluator> PARSED = new ConcurrentHashMap<>();

  private Css() {}

  static Evaluator of(String css) {
    return PARSED.computeIfAbsent(css, QueryParser::parse);
  }

  /**
   * A selector of many alternatives that only elements passing {@code mayMatch} can match (a tag
   * or an attribute every alternative needs): jsoup tries each alternative on every element of
   * the page, the test is tried first and rules most elements out at once. Same elements, same
   * order, as {@code of(css)} as long as every match passes the test.
   */
  static Evaluator prefiltered(String css, Predicate<Element> mayMatch) {
    return new CombiningEvaluator.And(List.of(new MayMatch(mayMatch), QueryParser.parse(css)));
  }

  /**
   * Whether {@code s} holds {@code word} (lower-case ASCII), case ignored as
   * {@code equalsIgnoreCase} does: for an ASCII string that is ASCII case, compared with
   * {@code indexOf}; only other strings ("bylıne" holds "byline" that way) take the slow path.
   */
  static boolean containsIgnoreCase(String s, String word) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return regionContains(s, word);
      }
    }
    return HintPattern.lowerAscii(s).contains(word);
  }

  private static boolean regionContains(String s, String word) {
    for (int i = 0; i + word.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** The cheap test, tried before the selector (jsoup tries the cheapest part of an "and" first). */
  private static final class MayMatch extends Evaluator {
    private final Predicate<Element> test;

    MayMatch(Predicate<Element> test) {
      this.test = test;
    }

    @Override
    public boolean matches(Element root, Element element) {
      return test.test(element);
    }

    @Override
    protected int cost() {
      return 1;
    }

    @Override
    public String toString() {
      return "(may match)";
    }
  }
}
