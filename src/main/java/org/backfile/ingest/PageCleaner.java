package org.backfile.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Removes what is never article text before scoring: scripts and forms controls, hidden
 * elements, navigation, page headers and footers, asides, and blocks whose class or id says they
 * are comments, share bars, related links, cookie or subscription notices, or ads.
 */
final class PageCleaner {

  /** Class/id words of page chrome (anywhere in the class or id, ASCII case ignored)… */
  private static final List<String> UNLIKELY_WORDS = List.of(
      "-ad-", "advert", "ai2html", "banner", "breadcrumb", "combx", "comment", "community",
      "cookie", "consent", "gdpr", "disqus", "extra", "footer", "header", "legends", "menu",
      "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
      "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "modal",
      "newsletter", "subscribe", "subscription", "signup", "paywall", "promo", "share", "sharing",
      "sharer", "teaser", "recommend", "mostpopular", "most-popular", "mostread", "most-read",
      "trending", "outbrain", "taboola", "toolbar", "navbar", "masthead", "jumplink", "jump-link",
      "printonly", "print-only", "visuallyhidden", "visually-hidden", "sr-only", "screenreader",
      "screen-reader", "authorbio", "author-bio", "abouttheauthor", "about-theauthor",
      "aboutthe-author", "about-the-author", "readmore", "read-more", "morestories",
      "more-stories", "furtherreading", "further-reading");
  /** … and words that count only as a whole word: "ad", "ads", "nav". */
  static final HintPattern UNLIKELY_HINTS = HintPattern.ofWords(UNLIKELY_WORDS,
      "(?:^|[\\s_-])ads?(?:$|[\\s_-])|nav(?:$|[\\s_-])", List.of("ad", "nav"));
  /** Class/id words that may hold the article despite an unlikely word next to them. */
  static final Pattern MAYBE = Pattern.compile(
      "and|article|body|column|content|main|shadow|story|entry|post-?text|text",
      Pattern.CASE_INSENSITIVE);
  /** Comment sections: dropped even when they look like content. */
  static final Pattern COMMENTS = Pattern.compile(
      "(?<![a-z])comment(?!ary)|(?:^|[\\s_-])(?:disqus(?:_thread)?|respond|replies|reactions|"
          + "talkback|kommentare?|commentaires|forum|thread)(?:$|[\\s_-])",
      Pattern.CASE_INSENSITIVE);

  /** Each alternative of {@link #COMMENTS} spells one of these words ("commentaires" too). */
  static final HintPattern COMMENT_HINTS = HintPattern.withNeededWords(COMMENTS, List.of(
      "comment", "disqus", "respond", "replies", "reactions", "talkback", "kommentar", "forum",
      "thread"));
  static final HintPattern MAYBE_HINTS = HintPattern.withNeededWords(MAYBE, List.of("and",
      "article", "body", "column", "content", "main", "shadow", "story", "entry", "text"));

  private static final Set<String> NEVER_TEXT_TAGS = Set.of("script", "style", "noscript",
      "template", "iframe", "svg", "canvas", "object", "embed", "button", "input", "select",
      "textarea", "option", "link", "meta", "map", "audio", "video", "source", "dialog", "nav");
  /** The same as one selector: the tags, then the attributes (the plain form the tests check against). */
  static final String NEVER_TEXT_CSS = String.join(", ", new TreeSet<>(NEVER_TEXT_TAGS))
      + ", [hidden], [aria-hidden=true], [role=dialog], [role=alertdialog], [role=navigation], [role=search]";
  /** Elements that are never article text: one of those tags, or hidden, or a dialog/navigation role. */
  static final Evaluator NEVER_TEXT = Css.prefiltered(NEVER_TEXT_CSS,
      el -> NEVER_TEXT_TAGS.contains(el.normalName()) || el.hasAttr("hidden")
          || el.hasAttr("aria-hidden") || el.hasAttr("role"));

  private PageCleaner() {}

  static void clean(Element body) {
    unwrapTemplates(body);
    body.select(NEVER_TEXT).remove();
    for (Element el : body.select(Css.of("[style]"))) {
      String style = el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
      if (style.contains("display:none") || style.contains("visibility:hidden")) {
        el.remove();
      }
    }
    TextStats stats = new TextStats(body);
    int total = Math.max(1, stats.of(body).chars());
    List<Element> doomed = new ArrayList<>();
    for (Element el : body.select(Css.of("header, footer, aside, [role=banner], [role=contentinfo], "
        + "[role=complementary]"))) {
      // A wrapper that holds most of the page is not chrome, whatever its tag says.
      if (stats.of(el).chars() < total * 0.4) {
        doomed.add(el);
      }
    }
    for (Element el : body.getAllElements()) {
      if (el == body || el.nameIs("html") || el.nameIs("body") || el.nameIs("main")
          || el.nameIs("article")) {
        continue;
      }
      String hints = hints(el);
      if (hints.isEmpty()) {
        continue;
      }
      if (COMMENT_HINTS.find(hints)
          && el.selectFirst(Css.of("h1, [itemprop=articleBody], article")) == null) {
        doomed.add(el);
        continue;
      }
      if (UNLIKELY_HINTS.find(hints) && !MAYBE_HINTS.find(hints)
          && stats.of(el).chars() < total * 0.4 && el.closest(Css.of("table, pre, code")) == null) {
        doomed.add(el);
      }
    }
    for (Element el : doomed) {
      if (el.parent() != null) {
        el.remove();
      }
    }
  }

  /**
   * Some pages ship the article inside {@code <script type="text/template">} for a script to
   * show; when such a template is all its parent holds, its markup is the content.
   */
  private static void unwrapTemplates(Element body) {
    for (Element script : body.select(Css.of("script[type~=(?i)text/(template|html|x-template)]"))) {
      Element parent = script.parent();
      String html = script.data().strip();
      // A template may also hold JSON for a script to render: that is data, never article text.
      if (parent == null || !parent.ownText().isBlank() || html.length() < 200
          || !html.startsWith("<")) {
        continue;
      }
      script.after(html);
      script.remove();
    }
  }

  static String hints(Element el) {
    String cls = el.className();
    String id = el.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return cls + " " + id;
  }

  static Elements withHint(Element root, Pattern p) {
    Elements out = new Elements();
    for (Element el : root.getAllElements()) {
      String h = hints(el);
      if (!h.isEmpty() && p.matcher(h).find()) {
        out.add(el);
      }
    }
    return out;
  }
}
