package org.backfile.ingest;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;

/**
 * Picks a page's headline. The visible {@code <h1>} wins when the title tag or a meta title
 * confirms it; otherwise the JSON-LD headline, then Open Graph, then the title tag without the
 * site name that pages append to it ("Headline | Site").
 */
final class Titles {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** What sets a site name off a headline in a title tag ("Headline | Site", "Site » Headline"). */
  /** A link to the site's home page (a heading inside one is the logo). */
  private static final Pattern HOME_LINK = Pattern.compile("/|https?://[^/]+/?|\\./?|index\\..*");

  static final String HEADINGS_CSS =
      "h1, h2, h3, [itemprop=headline], [class*=title], [class*=headline]";
  /** Every alternative of {@link #HEADINGS_CSS} needs h1-h3, an itemprop, or "title" in the class. */
  static final Evaluator HEADINGS = Css.prefiltered(HEADINGS_CSS, el -> el.nameIs("h1")
      || el.nameIs("h2") || el.nameIs("h3") || el.hasAttr("itemprop")
      || Css.containsIgnoreCase(el.className(), "title")
      || Css.containsIgnoreCase(el.className(), "headline"));

  static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:»·•~/]\\s+|\\s*[|»]\\s*");

  private Titles() {}

  static String choose(Document doc, MetaTags meta, JsonLd ld,
      Optional<JsonObject> article, HtmlMetadata m) {
    String titleTag = clean(doc.title());
    String headline = clean(article.map(a -> ld.text(a, "headline")).orElse(null));
    String og = clean(meta.get("og:title"));
    String twitter = clean(meta.get("twitter:title"));
    String site = m.publication == null ? null : HtmlMetadata.normal(m.publication);

    String heading = confirmedHeading(doc, site, titleTag, og, headline, twitter);
    if (heading != null) {
      m.provenance.put("title", "heading");
      return trimmed(heading, m, m.publication, titleTag, og, headline, twitter);
    }
    String h1 = singleH1(doc, site, titleTag, og, headline, twitter);
    if (h1 != null) {
      m.provenance.put("title", "h1");
      return trimmed(h1, m, m.publication, titleTag, og, headline, twitter);
    }
    for (String[] c : new String[][] {{headline, "jsonld:headline"}, {og, "og:title"},
        {twitter, "twitter:title"}, {titleTag, "title-tag"}}) {
      if (c[0] != null && (site == null || !HtmlMetadata.normal(c[0]).equals(site))) {
        m.provenance.put("title", c[1]);
        return withoutSiteName(c[0], m.publication);
      }
    }
    Element first = doc.body() == null ? null : doc.body().selectFirst(Css.of("h1"));
    if (first != null && clean(first.text()) != null) {
      m.provenance.put("title", "h1");
      return clean(first.text());
    }
    if (titleTag != null) {
      m.provenance.put("title", "title-tag");
      return titleTag;
    }
    return "";
  }

  /**
   * The visible heading that a meta title confirms: h1-h3 and title-classed elements whose words
   * appear in the title tag, og:title or JSON-LD headline. Headings that are the site's name, or
   * sit in navigation, sidebars or teasers, do not count; among the rest, longer and higher-level
   * headings win.
   */
  private static String confirmedHeading(Document doc, String site, String... metaTitles) {
    if (doc.body() == null) {
      return null;
    }
    String best = null;
    String bestNorm = null;
    double bestScore = 0;
    List<Scored> scored = new ArrayList<>();
    List<String> metaNorms = new ArrayList<>();
    for (String t : metaTitles) {
      if (t != null) {
        metaNorms.add(HtmlMetadata.normal(t));
      }
    }
    int seen = 0;
    ParagraphChars paragraphs = new ParagraphChars();
    int pageText = paragraphs.of(doc.body());
    for (Element h : doc.body().select(HEADINGS)) {
      if (++seen > 60) {
        break;
      }
      String text = headingText(h, metaTitles);
      if (text == null || text.length() < 3 || text.length() > 300) {
        continue;
      }
      String norm = HtmlMetadata.normal(text);
      if (norm.isEmpty() || norm.equals(site)) {
        continue;
      }
      Element area = h.closest(Css.of(NOT_HEADLINE_AREA));
      if (area != null && !paragraphs.holdsMostText(area, pageText)) {
        continue; // a heading in a sidebar or teaser box; a "widget" that holds the whole post is not chrome
      }
      Element link = h.closest(Css.of("a[href]"));
      if (link != null && HOME_LINK.matcher(link.attr("href")).matches()) {
        continue; // a heading linking to the home page is the site's logo
      }
      double match = 0;
      for (String t : metaNorms) {
        match = Math.max(match, containment(norm, t));
      }
      if (match < 0.8) {
        continue;
      }
      double score = match * 10 + Math.min(norm.length(), 120) / 20.0
          + (h.nameIs("h1") ? 3 : h.nameIs("h2") ? 1.5 : 0);
      scored.add(new Scored(text, norm));
      if (best == null || score > bestScore) {
        best = text;
        bestNorm = norm;
        bestScore = score;
      }
    }
    // A logo set as a heading matches the site part of "Headline | Site": when another heading
    // is the headline part, that one wins.
    String headlinePart = bestNorm == null ? null : headlinePart(bestNorm, metaTitles);
    if (headlinePart != null) {
      for (Scored c : scored) {
        if (c.norm().equals(headlinePart)) {
          return c.text();
        }
      }
    }
    return best;
  }

  private record Scored(String text, String norm) {}

  /**
   * When a heading is the short end of a "Headline | Site" meta title (the first or last part, a
   * longer part there too, and no meta title is the heading alone), the longest part: the
   * headline a logo heading stands beside. Else null.
   */
  private static String headlinePart(String heading, String... metaTitles) {
    for (String t : metaTitles) {
      if (t != null && HtmlMetadata.normal(t).equals(heading)) {
        return null; // a meta title that is the heading alone confirms it
      }
    }
    for (String t : metaTitles) {
      if (t == null) {
        continue;
      }
      String[] parts = SEPARATOR.split(t);
      if (parts.length < 2) {
        continue;
      }
      String longest = "";
      for (String p : parts) {
        String norm = HtmlMetadata.normal(p);
        if (norm.length() > longest.length()) {
          longest = norm;
        }
      }
      for (String end : new String[] {parts[0], parts[parts.length - 1]}) {
        if (HtmlMetadata.normal(end).equals(heading) && heading.length() < longest.length()) {
          return longest;
        }
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern LONE_SEPARATOR = java.util.regex.Pattern.compile(
      "^[:|\\-–—•·]+\\s+|\\s+[:|\\-–—•·]+$");
  private static final java.util.regex.Pattern SEPARATOR_WORD = java.util.regex.Pattern.compile(
      "[|\\-–—•·]+");

  /**
   * A visible heading cut down to what a meta title says the headline is: a kicker written as
   * plain text in front ("Tunesien Große Aufgaben …" when og:title is "Große Aufgaben …"), or a
   * site name or date line after a separator. Also drops a separator left alone at either end
   * (": Headline" where a template's kicker was empty). Notes the cut in the provenance.
   */
  private static String trimmed(String heading, HtmlMetadata m, String publication,
      String... metaTitles) {
    String text = LONE_SEPARATOR.matcher(heading).replaceAll("").strip();
    String[] words = text.split(" ");
    String siteNorm = publication == null ? null : HtmlMetadata.normal(publication);
    for (String t : metaTitles) {
      if (t == null) {
        continue;
      }
      String stripped = withoutExactSiteName(t, siteNorm);
      for (String candidate : new String[] {t, stripped == null || stripped.equals(t) ? null
          : stripped}) {
        if (candidate == null) {
          continue;
        }
        String want = HtmlMetadata.normal(candidate);
        if (want.isEmpty() || want.split(" ").length < 3) {
          continue;
        }
        // Kicker in front: the heading ends with the meta title.
        for (int k = 1; k <= 6 && k < words.length; k++) {
          String kicker = String.join(" ", java.util.Arrays.copyOfRange(words, 0, k));
          String tail = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
          // "Topic — Headline" written with a dash is a two-part headline, not a kicker.
          if (HtmlMetadata.normal(tail).equals(want) && !HtmlMetadata.normal(kicker).isEmpty()
              && !kicker.matches(".*\\s[-–—]$")) {
            m.provenance.put("title", m.provenance.get("title") + "-kicker");
            return LONE_SEPARATOR.matcher(tail).replaceAll("").strip();
          }
        }
        // The site's name or a date after a separator: the heading starts with the meta title.
        for (int k = 1; k <= 10 && k < words.length; k++) {
          int cut = words.length - k;
          if (!SEPARATOR_WORD.matcher(words[cut]).matches()) {
            continue;
          }
          String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, cut));
          String rest = String.join(" ", java.util.Arrays.copyOfRange(words, cut + 1, words.length));
          boolean chrome = HtmlMetadata.normal(rest).equals(siteNorm)
              || TextDates.find(rest).map(d -> d.precision() == PartialDate.Precision.DAY)
                  .orElse(false);
          if (chrome && HtmlMetadata.normal(head).equals(want)) {
            m.provenance.put("title", m.provenance.get("title") + "-suffix");
            return head;
          }
        }
        // The meta title, then a date line with more after it ("… Region 02.02.2022 • Verband,
        // Presse"): the heading element also holds the article's meta line.
        for (int cut = words.length - 1; cut >= 2; cut--) {
          String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, cut));
          String rest = String.join(" ", java.util.Arrays.copyOfRange(words, cut, words.length));
          if (HtmlMetadata.normal(head).equals(want) && rest.split(" ").length <= 15
              && TextDates.findWithSpan(rest, java.time.Clock.systemUTC())
                  .map(f -> f.start() <= 3).orElse(false)) {
            m.provenance.put("title", m.provenance.get("title") + "-dateline");
            return head;
          }
        }
      }
    }
    return text.isEmpty() ? heading : text;
  }

  /** A title without the parts that are exactly the site's name, or null when none is. */
  private static String withoutExactSiteName(String title, String siteNorm) {
    if (siteNorm == null || siteNorm.isEmpty()) {
      return null;
    }
    String[] parts = title.split("\\s+[|\\-–—:»·•]\\s+|\\s*[|»]\\s*");
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (!HtmlMetadata.normal(p).equals(siteNorm)) {
        kept.add(p.strip());
      }
    }
    return kept.size() == parts.length || kept.isEmpty() ? null : String.join(" - ", kept);
  }

  private static final String NOT_HEADLINE_AREA = "nav, aside, footer, [class*=sidebar], "
      + "[class*=widget], [class*=related], [class*=teaser], [class*=comment], [id*=sidebar], "
      + "[id*=comment]";
  private static final java.util.regex.Pattern KICKER = java.util.regex.Pattern.compile(
      "kicker|overline|topline|dachzeile|eyebrow|roofline|supertitle|pretitle|flag",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The page's only h1, when it is a headline (not the logo, not the site's name). */
  private static String singleH1(Document doc, String site, String... metaTitles) {
    if (doc.body() == null) {
      return null;
    }
    List<Element> h1s = new ArrayList<>();
    for (Element h : doc.body().select(Css.of("h1"))) {
      if (h.closest(Css.of(NOT_HEADLINE_AREA)) == null && clean(h.text()) != null) {
        h1s.add(h);
      }
    }
    if (h1s.size() != 1) {
      return null;
    }
    Element h = h1s.get(0);
    Element link = h.closest(Css.of("a[href]"));
    if (link == null && h.childrenSize() == 1 && h.child(0).nameIs("a")) {
      link = h.child(0);
    }
    if (link != null && link.attr("href").matches("/|https?://[^/]+/?|\\./?|index\\..*")) {
      return null;
    }
    String text = headingText(h, metaTitles);
    if (text == null || text.length() < 8 || text.split(" ").length < 2
        || HtmlMetadata.normal(text).equals(site)) {
      return null;
    }
    return text;
  }

  /**
   * A heading's text without a kicker set in its own element in front of the headline
   * ({@code <h1><span>Olympische Spiele in Paris</span> Getränke per Schiff …</h1>}) when the
   * page marks it off as one: the kicker ends with a colon, a separator follows it in the heading,
   * or a meta title writes "Kicker - Headline"; and a meta title holds the rest.
   */
  static String headingText(Element h, String... metaTitles) {
    String text = headingText(h);
    if (text == null) {
      return null;
    }
    Element box = h;
    for (int i = 0; i < 2 && box.childrenSize() == 1 && box.textNodes().stream()
        .allMatch(t -> t.isBlank()); i++) {
      box = box.child(0); // <h1><a><span>Kicker</span> Headline</a></h1>
    }
    org.jsoup.nodes.Node first = null;
    for (org.jsoup.nodes.Node n : box.childNodes()) {
      if (!(n instanceof org.jsoup.nodes.TextNode t && t.isBlank())) {
        first = n;
        break;
      }
    }
    if (!(first instanceof Element kickerEl) || kickerEl.nameIs("br")) {
      return text;
    }
    String kicker = clean(kickerEl.text());
    if (kicker == null || kicker.length() > 60 || kicker.split(" ").length > 8
        || !text.startsWith(kicker)) {
      return text;
    }
    String after = text.substring(kicker.length());
    String rest = after.replaceFirst("^[\\s:|\\-–—•·]+", "").strip();
    if (rest.split(" ").length < 2) {
      return text;
    }
    boolean markedOff = kicker.endsWith(":") || after.matches("\\s*[:|\\-–—•·]\\s.*");
    boolean restConfirmed = false;
    Pattern kickerThenSeparator = Pattern.compile(
        "^" + Pattern.quote(kicker) + "\\s*[:|\\-–—•·]\\s", Pattern.CASE_INSENSITIVE);
    for (String t : metaTitles) {
      if (t != null) {
        markedOff |= kickerThenSeparator.matcher(t).find();
        restConfirmed |= containment(HtmlMetadata.normal(rest), HtmlMetadata.normal(t)) == 1;
      }
    }
    return markedOff && restConfirmed ? rest : text;
  }

  /** A heading's text without a kicker line ("Klimaschutz:") set in its own element. */
  static String headingText(Element h) {
    Element copy = h.clone();
    for (Element c : copy.select(Css.of("*"))) {
      if (c != copy && KICKER.matcher(PageCleaner.hints(c)).find()) {
        c.remove();
      }
    }
    String text = clean(copy.text());
    return text == null ? clean(h.text()) : text;
  }

  /**
   * Length of the paragraph text under an element, remembered for the page: the page's total and
   * the same sidebar or teaser box come up for many of its headings, and a paragraph's text is
   * built once however many boxes hold it. An area holding at least half of the page's paragraph
   * text is the content, whatever its class says.
   */
  private static final class ParagraphChars {
    private final Map<Element, Integer> paragraphs = new IdentityHashMap<>();
    private final Map<Element, Integer> areas = new IdentityHashMap<>();

    int of(Element area) {
      Integer known = areas.get(area);
      if (known != null) {
        return known;
      }
      int n = 0;
      for (Element p : area.select(Css.of("p"))) {
        n += paragraphs.computeIfAbsent(p, x -> x.text().length());
      }
      areas.put(area, n);
      return n;
    }

    /** Whether an area holds at least half of the page's paragraph text (then it is the content). */
    boolean holdsMostText(Element area, int pageText) {
      return pageText > 0 && of(area) * 2 >= pageText;
    }
  }

  /** Share of the heading's words that the meta title also has. */
  private static double containment(String heading, String metaTitle) {
    if (metaTitle.contains(heading)) {
      return 1;
    }
    String[] words = heading.split(" ");
    java.util.Set<String> meta = new java.util.HashSet<>(java.util.Arrays.asList(metaTitle.split(" ")));
    int in = 0;
    for (String w : words) {
      if (meta.contains(w)) {
        in++;
      }
    }
    return words.length == 0 ? 0 : (double) in / words.length;
  }

  /** "Headline | Site" → "Headline", keeping the longest part when the site is unknown. */
  static String withoutSiteName(String title, String site) {
    if (site != null) {
      String s = HtmlMetadata.normal(site);
      String[] parts = title.split("\\s+[|\\-–—:»·•]\\s+|\\s*[|»]\\s*");
      if (parts.length > 1) {
        StringBuilder kept = new StringBuilder();
        for (String p : parts) {
          if (!HtmlMetadata.normal(p).equals(s)) {
            kept.append(kept.isEmpty() ? "" : " - ").append(p.strip());
          }
        }
        if (!kept.isEmpty() && kept.length() < title.length()) {
          return kept.toString();
        }
      }
    }
    String[] parts = title.split("\\s+[|–—»·•]\\s+|\\s*[|»]\\s*");
    if (parts.length > 1) {
      String first = parts[0].strip();
      String longest = separatorSplitLongest(title);
      return first.length() >= 15 || first.length() >= longest.length() / 2 ? first : longest;
    }
    String[] dash = title.split("\\s+-\\s+");
    if (dash.length > 1 && dash[dash.length - 1].length() < 30) {
      return title.substring(0, title.lastIndexOf(dash[dash.length - 1])).replaceFirst("\\s+-\\s+$", "");
    }
    return title;
  }

  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = Parser.unescapeEntities(s, false).replace('\u00a0', ' ');
    t = WHITESPACE.matcher(t).replaceAll(" ").strip();
    return t.isEmpty() ? null : t;
  }

  /** The longest part of a title split at its separators, or the whole title. */
  static String separatorSplitLongest(String title) {
    String best = title;
    String[] parts = SEPARATOR.split(title);
    if (parts.length > 1) {
      best = "";
      for (String p : parts) {
        if (p.strip().length() > best.length()) {
          best = p.strip();
        }
      }
    }
    return best;
  }
}
