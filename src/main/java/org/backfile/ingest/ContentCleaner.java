package org.backfile.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Cleans the chosen article container: takes out bylines and datelines (handing their text back
 * for metadata), link lists and teaser blocks, blocks whose class says they are not prose, and
 * short boilerplate lines ("Share this", "Tags:", "Photo: …").
 */
final class ContentCleaner {

  static final Pattern BYLINE_HINT = Pattern.compile(
      "byline|author|dateline|posted|pubdate|publish|timestamp|post-?meta|entry-?meta|"
          + "article-?meta|meta-?data|(?:^|[\\s_-])(?:date|time|meta|info|details)(?:$|[\\s_-])",
      Pattern.CASE_INSENSITIVE);
  static final HintPattern BYLINE_HINTS = HintPattern.withNeededWords(BYLINE_HINT, List.of(
      "byline", "author", "date", "posted", "publish", "time", "meta", "info", "details"));
  private static final Pattern BYLINE_START = Pattern.compile(
      "^(?:(?:posted|written|published|reported|text|photos?|story)\\s+)?(?:by|von|par|por|door|"
          + "di|przez|autor(?:in)?|author|auteur)\\b\\s*:?|^posted\\s+(?:on|in)\\b|^[—–]\\s*\\p{Lu}",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern BOILERPLATE = Pattern.compile(
      "^(?:share (?:this|on|via)|share:|teilen|partager|compartir|follow us|like this:|"
          + "related(?: articles| posts| stories| content)?:?$|read more|see also:|tags?:|"
          + "filed (?:under|in)|categor(?:y|ies):|schlagworte|stichworte|copyright|©|\\(c\\)|"
          + "all rights reserved|photo:|photos:|image:|foto:|bild:|credit:|source:|quelle:|"
          + "advertisement|advert$|anzeige|sponsored|loading|click here|sign up|subscribe|"
          + "this slideshow requires javascript|"
          + "leave a (?:comment|reply)|comments?$|\\d+ comments?|print$|email$|e-mail$|"
          + "next article|previous article|back to top|zurück|weiterlesen|mehr zum thema|"
          + "lesen sie auch|auch interessant|das könnte sie auch interessieren)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  private ContentCleaner() {}

  static void clean(Element article, List<String> bylines) {
    removeBylines(article, bylines);
    removeConditionally(article);
    removeShortBoilerplate(article);
  }

  private static void removeBylines(Element article, List<String> bylines) {
    TextLengths lengths = new TextLengths(article);
    for (Element el : new ArrayList<>(article.getAllElements())) {
      if (el == article || el.parent() == null || lengths.longerThan(el, 200)) {
        continue;
      }
      String text = el.text();
      if (text.isEmpty() || text.length() > 200) {
        continue;
      }
      String hints = PageCleaner.hints(el);
      boolean hinted = el.nameIs("time") || el.nameIs("address")
          || (!hints.isEmpty() && BYLINE_HINTS.find(hints));
      boolean block = BodyExtractor.isBlock(el) || hinted;
      if (!block) {
        continue;
      }
      if (hinted && (looksLikeByline(text) || looksLikeDateline(text) || text.length() < 80)) {
        bylines.add(text);
        el.remove();
      } else if (BodyExtractor.isBlock(el) && text.length() < 150
          && (looksLikeByline(text) || looksLikeDateline(text)) && !hasBlockChildWithProse(el)) {
        bylines.add(text);
        el.remove();
      }
    }
  }

  /** Whether a tag name is h{@code lowest}..h6 ({@code "h[1-6]"} as a regex, without compiling one). */
  private static boolean isHeading(String tag, char lowest) {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= lowest && tag.charAt(1) <= '6';
  }

  private static boolean hasBlockChildWithProse(Element el) {
    for (Element c : el.children()) {
      if (c.nameIs("p") && c.text().length() > 150) {
        return true;
      }
    }
    return false;
  }

  static boolean startsLikeByline(String text) {
    return BYLINE_START.matcher(text).find();
  }

  static boolean looksLikeByline(String text) {
    if (!BYLINE_START.matcher(text.strip()).find()) {
      return false;
    }
    return Bylines.parseStrict(text, null, java.time.Clock.systemUTC()).map(b -> !b.authors().isEmpty() || b.date() != null).orElse(false);
  }

  /** A line that is a date with at most a label and a time around it. */
  static boolean looksLikeDateline(String text) {
    List<TextDates.Found> dates = TextDates.findAll(text, java.time.Clock.systemUTC());
    if (dates.isEmpty()) {
      return false;
    }
    int dateChars = 0;
    for (TextDates.Found f : dates) {
      dateChars += f.end() - f.start();
    }
    String rest = text.replaceAll("\\d{1,2}[:.h]\\d{2}(?:\\s*[ap]\\.?m\\.?)?", "");
    return rest.length() - dateChars <= 45;
  }

  private static void removeConditionally(Element article) {
    TextStats stats = new TextStats(article);
    int total = Math.max(1, stats.of(article).chars());
    List<Element> all = article.select(Css.of("div, section, ul, ol, dl, table, form, aside, figure, "
        + "header, footer, p, h1, h2, h3, h4, h5, h6"));
    for (int i = all.size() - 1; i >= 0; i--) {
      Element el = all.get(i);
      if (el == article || el.parent() == null) {
        continue;
      }
      TextStats.Stat st = stats.of(el);
      if (st.chars() == 0) {
        continue;
      }
      String tag = el.normalName();
      int weight = BodyExtractor.classWeight(el);
      double share = (double) st.chars() / total;
      boolean heading = isHeading(tag, '1');
      if (heading) {
        if (weight < 0 || st.linkDensity() > 0.33 || tag.equals("h1")) {
          el.remove();
        }
        continue;
      }
      if (share > 0.5 || st.commas() >= 10 && st.linkDensity() < 0.3) {
        continue;
      }
      if (weight < 0 && share < 0.25) {
        el.remove();
      } else if (st.linkDensity() > 0.5 && (st.chars() < 400 || share < 0.3)) {
        el.remove();
      } else if ((tag.equals("ul") || tag.equals("ol")) && isTeaserList(el, stats)) {
        el.remove();
      }
    }
  }

  /** A list whose items are mostly links with little text of their own. */
  private static boolean isTeaserList(Element list, TextStats stats) {
    int items = 0;
    int linkItems = 0;
    for (Element li : list.children()) {
      if (!li.nameIs("li")) {
        continue;
      }
      items++;
      TextStats.Stat st = stats.of(li);
      if (st.linkDensity() > 0.5) {
        linkItems++;
      }
    }
    return items >= 3 && linkItems * 2 > items && stats.of(list).linkDensity() > 0.3;
  }

  /**
   * What the notices under an article say: reprint rights, paywall and advertising calls. Not a
   * bare copyright line: news agencies' copyright lines are kept by the reference texts.
   */
  private static final Pattern NOTICE = Pattern.compile(
      "written permission|without (?:written )?permission|reprint|nachdruck|please subscribe|"
          + "subscribe (?:now|today|to (?:our|the))|already a subscriber|"
          + "log ?in (?:for|to (?:read|continue))|to view the full story|to continue reading|"
          + "jetzt abonnieren|abonnieren sie|contact us at|advertise with us",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The last blocks of an article that are notices ("This article is the copyrighted property
   * of …", "To view the full story, please subscribe"), removed from the end up to the first
   * block that is not one. In the middle of an article such words are part of the story.
   */
  private static void removeTrailingNotices(Element article) {
    // Walked from the end, so that a page with no notice costs a few elements, not the whole tree.
    List<Element> all = article.getAllElements();
    int removed = 0;
    for (int i = all.size() - 1; i > 0 && removed < 6; i--) {
      Element b = all.get(i);
      if (!isTextBlock(b) || b.parent() == null) {
        continue;
      }
      String text = b.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (text.length() > 300 || !NOTICE.matcher(text).find() || b == article) {
        return;
      }
      b.remove();
      removed++;
    }
  }

  /**
   * A list that ends the article, every item a link or a line around one ("More stories: …"),
   * points elsewhere: it goes, with a short label line right before it. Inside the article such
   * a list is part of the text.
   */
  private static void removeTrailingLinkList(Element article) {
    Elements lists = article.select(Css.of("ul, ol"));
    if (lists.isEmpty()) {
      return;
    }
    Element list = lists.last();
    if (list.parent() == null || list.parent().closest(Css.of("ul, ol")) != null
        || !nothingAfter(list, article)) {
      return;
    }
    int items = 0;
    for (Element li : list.children()) {
      if (!li.nameIs("li") || li.selectFirst(Css.of("a[href]")) == null) {
        return;
      }
      items++;
    }
    if (items < 3) {
      return;
    }
    // A page that is mostly the list (a digest, a link page) keeps it: that is its content.
    TextStats.Stat st = new TextStats(list).of(list);
    if (st.linkDensity() < 0.3 || st.chars() * 2 > new TextStats(article).of(article).chars()) {
      return;
    }
    Element label = list.previousElementSibling();
    list.remove();
    if (label != null && label.text().length() <= 60
        && !label.text().strip().matches("(?s).*[.!?…]$") && label.select(Css.of("p, li")).isEmpty()
        && nothingAfter(label, article)) {
      label.remove();
    }
  }

  /** True when no text follows {@code el} inside {@code root}. */
  private static boolean nothingAfter(Element el, Element root) {
    for (Element e = el; e != null && e != root; e = e.parent()) {
      for (Node n = e.nextSibling(); n != null; n = n.nextSibling()) {
        if (n instanceof TextNode t ? !t.isBlank() : n instanceof Element x && x.hasText()) {
          return false;
        }
      }
    }
    return true;
  }

  /** A paragraph-like block: p, li, a quote, a heading, or a div without such blocks inside. */
  private static boolean isTextBlock(Element e) {
    if (e.nameIs("p") || e.nameIs("li") || e.nameIs("blockquote")
        || isHeading(e.normalName(), '2')) {
      return true;
    }
    if (!e.nameIs("div")) {
      return false;
    }
    for (Element c : e.children()) {
      if (c.nameIs("p") || c.nameIs("div") || c.nameIs("li") || c.nameIs("ul") || c.nameIs("ol")) {
        return false;
      }
    }
    return true;
  }

  private static void removeShortBoilerplate(Element article) {
    TextLengths lengths = new TextLengths(article);
    for (Element el : new ArrayList<>(article.select(Css.of("p, div, span, li, h2, h3, h4, h5, h6, "
        + "figcaption, small, strong, em")))) {
      if (el.parent() == null || lengths.longerThan(el, 100)) {
        continue;
      }
      String text = el.text().strip();
      if (text.isEmpty() || text.length() > 100) {
        continue;
      }
      if (BOILERPLATE.matcher(text.toLowerCase(Locale.ROOT)).find()) {
        el.remove();
      }
    }
    removeTrailingNotices(article);
    removeTrailingLinkList(article);
    // Headings left with nothing after them introduced something that was removed.
    List<Element> blocks = article.select(Css.of("p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, td"));
    for (int i = blocks.size() - 1; i >= 0; i--) {
      Element b = blocks.get(i);
      if (isHeading(b.normalName(), '1')) {
        b.remove();
      } else if (!b.text().isBlank()) {
        break;
      }
    }
  }
}
