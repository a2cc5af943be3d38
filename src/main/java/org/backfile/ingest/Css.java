package org.backfile.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
}
