package org.backfile.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the article in a page and returns it as plain text, in the manner of Readability: every
 * paragraph-like block scores its parent and grandparent by its length and commas; a container's
 * score is discounted by its link density and adjusted by class/id hints; the best container and
 * the siblings that look like more of the same article are kept, then cleaned of link lists,
 * bylines and other leftovers ({@link ContentCleaner}).
 */
final class BodyExtractor {

  /** The article text, and byline/dateline lines removed from it (for metadata). */
  record Result(String text, List<String> bylines) {}

  static final Pattern POSITIVE = Pattern.compile(
      "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|"
          + "article-?body|story-?body|rich-?text",
      Pattern.CASE_INSENSITIVE);
  static final Pattern NEGATIVE = Pattern.compile(
      "-ad-|hidden|^hid$|\\shid$|\\shid\\s|^hid\\s|banner|combx|comment|com-|contact|foot|footer|"
          + "footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|"
          + "sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|"
          + "caption|credit|teaser|recommend|newsletter|subscribe|social|nav|menu",
      Pattern.CASE_INSENSITIVE);
  /** The words every match of {@link #POSITIVE} holds ("hentry", "rich-text" … hold one too). */
  static final HintPattern POSITIVE_HINTS = HintPattern.withNeededWords(POSITIVE, List.of(
      "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
      "prose"));
  static final HintPattern NEGATIVE_HINTS = HintPattern.withNeededWords(NEGATIVE, List.of(
      "-ad-", "hid", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead",
      "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
      "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "byline", "author",
      "dateline", "caption", "credit", "teaser", "recommend", "newsletter", "subscribe", "social",
      "nav", "menu"));
  private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote");
  private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside",
      "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
      "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul");

  private static final boolean DEBUG = Boolean.getBoolean("backfile.debug.scores");

  private BodyExtractor() {}

  static Result extract(Element body) {
    if (body == null) {
      return new Result("", List.of());
    }
    PageCleaner.clean(body);
    Element article = pick(body);
    List<String> bylines = new ArrayList<>();
    ContentCleaner.clean(article, bylines);
    String text = TextRenderer.render(article);
    return new Result(text, bylines);
  }

  /** The container holding the article, possibly a new wrapper around several siblings. */
  static Element pick(Element body) {
    TextStats stats = new TextStats(body);
    // In document order (jsoup elements compare by identity): a tie goes to the first candidate
    // scored, not to whichever an identity hash put first (that made some pages differ by run).
    Map<Element, Double> scores = new LinkedHashMap<>();
    for (Element el : body.getAllElements()) {
      if (!isParagraph(el)) {
        continue;
      }
      String own = ownText(el);
      int len = SCORED_TAGS.contains(el.normalName()) ? stats.of(el).chars() : own.length();
      if (len < 25) {
        continue;
      }
      double score = 1 + stats.of(el).commas() + Math.min(len / 100.0, 3);
      Element a = SCORED_TAGS.contains(el.normalName()) ? el.parent() : el;
      for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        Element container = a;
        scores.merge(a, initialScore(a, stats.of(container).chars()) + score / divider,
            (old, add) -> old + score / divider);
        if (a == body) {
          break;
        }
      }
    }
    Element top = null;
    double topScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - stats.of(e.getKey()).linkDensity());
      e.setValue(s);
      if (top == null || s > topScore) {
        top = e.getKey();
        topScore = s;
      }
    }
    if (top == null) {
      return body;
    }
    if (DEBUG) {
      scores.entrySet().stream().sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
          .limit(8).forEach(e -> System.err.printf("%.1f %s.%s#%s %d%n", e.getValue(),
              e.getKey().tagName(), e.getKey().className(), e.getKey().id(),
              stats.of(e.getKey()).chars()));
    }
    top = promote(top, topScore, scores);
    return withSiblings(top, scores.getOrDefault(top, topScore), scores, stats);
  }

  /** Moves up to a common ancestor when several strong candidates share it. */
  private static Element promote(Element top, double topScore, Map<Element, Double> scores) {
    List<Element> strong = new ArrayList<>();
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      if (e.getKey() != top && e.getValue() >= topScore * 0.75) {
        strong.add(e.getKey());
      }
    }
    // An article split into chunks (an ad or a newsletter box between them) shows as candidates
    // of the same tag and class: one such twin is enough to move up to their common ancestor.
    Element first = top;
    List<Element> twins = strong.stream().filter(s -> !first.className().isBlank()
        && s.normalName().equals(first.normalName()) && s.className().equals(first.className()))
        .toList();
    if (strong.size() >= 2 || !twins.isEmpty()) {
      List<Element> group = twins.isEmpty() ? strong : twins;
      int needed = twins.isEmpty() ? 2 : 1;
      for (Element a = top.parent(); a != null && !a.nameIs("body"); a = a.parent()) {
        int inside = 0;
        for (Element s : group) {
          if (s.parents().contains(a)) {
            inside++;
          }
        }
        if (inside >= needed) {
          top = a;
          break;
        }
      }
    }
    // A table row or a list is a part of an article; a well-scored container close by is the rest.
    if (top.nameIs("tr") || top.nameIs("tbody") || top.nameIs("table") || top.nameIs("ul")
        || top.nameIs("ol")) {
      Element a = top.parent();
      for (int i = 0; i < 4 && a != null && !a.nameIs("body"); i++, a = a.parent()) {
        Double s = scores.get(a);
        if (s != null && s >= topScore * 0.6 && !a.nameIs("tr") && !a.nameIs("tbody")
            && !a.nameIs("table")) {
          top = a;
          break;
        }
      }
    }
    // A lone child adds nothing; its parent may also hold headings and the lead.
    while (top.parent() != null && !top.parent().nameIs("body")
        && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static Element withSiblings(Element top, double topScore, Map<Element, Double> scores,
      TextStats stats) {
    Element parent = top.parent();
    if (parent == null) {
      return top;
    }
    double threshold = Math.max(10, topScore * 0.2);
    Element wrapper = new Element("div");
    List<Element> kept = new ArrayList<>();
    for (Element sib : parent.children()) {
      boolean keep = sib == top;
      if (!keep) {
        double bonus = !top.className().isEmpty() && top.className().equals(sib.className())
            ? topScore * 0.2 : 0;
        Double s = scores.get(sib);
        if (s != null && s + bonus >= threshold) {
          keep = true;
        } else if (sib.nameIs("p") || isParagraph(sib)) {
          TextStats.Stat st = stats.of(sib);
          String text = sib.text();
          keep = (st.chars() > 80 && st.linkDensity() < 0.25)
              || (st.chars() > 0 && st.chars() <= 80 && st.linkDensity() == 0
                  && text.matches("(?s).*[.!?…:\"“”]\\s*$"));
        }
      }
      if (keep) {
        kept.add(sib);
      }
    }
    if (kept.size() == 1) {
      return top;
    }
    for (Element k : kept) {
      wrapper.appendChild(k.clone());
    }
    return wrapper;
  }

  /** Tag and class/id prior; a positive class on a small block (a caption) counts for less. */
  private static double initialScore(Element el, int chars) {
    double score = switch (el.normalName()) {
      case "div", "article", "section", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    if (el.nameIs("article") || el.nameIs("main")) {
      score += 10;
    }
    if ("articleBody".equals(el.attr("itemprop"))) {
      score += 25;
    }
    // The body's class names the page type ("ArticlePage-body", "single-post"), not a block of
    // it: a bonus there lets a page full of teasers outscore the article's own container.
    int weight = el.nameIs("body") ? 0 : classWeight(el);
    if (weight > 0 && chars < 500) {
      weight = weight * chars / 500;
    }
    return score + weight;
  }

  /** +25 for content-like class/id words, -25 for chrome-like ones (each counted once). */
  static int classWeight(Element el) {
    String hints = PageCleaner.hints(el);
    if (hints.isEmpty()) {
      return 0;
    }
    int weight = 0;
    if (NEGATIVE_HINTS.find(hints)) {
      weight -= 25;
    }
    if (POSITIVE_HINTS.find(hints)) {
      weight += 25;
    }
    return weight;
  }

  /** p, pre, td …, or any element that holds running text of its own. */
  static boolean isParagraph(Element el) {
    if (SCORED_TAGS.contains(el.normalName())) {
      return true;
    }
    if (!(el.nameIs("div") || el.nameIs("section") || el.nameIs("article") || el.nameIs("span")
        || el.nameIs("font") || el.nameIs("center") || el.nameIs("main") || el.nameIs("body"))) {
      return false;
    }
    for (Node n : el.childNodes()) {
      if (n instanceof TextNode t && t.text().strip().length() > 20) {
        return true;
      }
    }
    return false;
  }

  /** Text of the element's own text nodes and inline children, not of nested blocks. */
  static String ownText(Element el) {
    StringBuilder sb = new StringBuilder();
    for (Node n : el.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element e && !BLOCK_TAGS.contains(e.normalName())) {
        sb.append(e.text());
      }
    }
    return sb.toString().strip();
  }

  static boolean isBlock(Element el) {
    return BLOCK_TAGS.contains(el.normalName());
  }
}
