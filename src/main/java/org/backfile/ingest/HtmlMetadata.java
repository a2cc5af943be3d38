package org.backfile.ingest;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * A page's metadata, each field with the rule that found it (its provenance): JSON-LD first, then
 * Open Graph and other meta tags, then what the page shows (h1, bylines, {@code <time>}), then
 * the URL. Reads the document without changing it.
 */
final class HtmlMetadata {

  String title;
  List<String> authors = List.of();
  PartialDate published;
  String publication;
  String section;
  List<String> tags = List.of();
  String url;
  String language;
  String summary;
  /** The value the publication date was read from (for the page-offset correction). */
  private String rawDate;
  /** JSON-LD {@code articleBody}, when the page has one. */
  String articleBody;
  final Map<String, String> provenance = new LinkedHashMap<>();

  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d\\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\\d|3[01]))?(?=[/_.-]|$)");
  private static final Pattern URL_DATE_COMPACT = Pattern.compile(
      "[/_-]((?:19|20)\\d\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:»·•~/]\\s+|\\s*[|»]\\s*");

  private static final String[] DATE_META = {
      "article:published_time", "og:article:published_time", "article:published",
      "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
      "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date",
      "citation_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
      "dcterms.created", "dc.date.created", "originalpublicationdate", "date", "og:published_time",
      "published_time", "published-date", "release_date", "created", "article_date_original",
      "cxenseparse:recs:publishtime", "date_published", "dc.date.published"};
  private static final String[] AUTHOR_META = {
      "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
      "parsely-author", "citation_author", "byl", "twitter:creator", "og:article:author",
      "dc.creator.name", "authors"};

  private HtmlMetadata() {}

  static HtmlMetadata read(Document doc, Clock clock) {
    return read(doc, clock, null);
  }

  /** @param sourceUrl the address the page was fetched from, when known (fallback for url, date) */
  static HtmlMetadata read(Document doc, Clock clock, String sourceUrl) {
    HtmlMetadata m = new HtmlMetadata();
    Meta meta = Meta.of(doc);
    JsonLd ld = JsonLd.of(doc);
    Optional<JsonObject> article = ld.article();

    m.publication = first(m, "publication",
        article.map(a -> ld.text(a, "publisher")).orElse(null), "jsonld:publisher",
        meta.get("og:site_name"), "og:site_name",
        ld.ofType("Organization", "NewsMediaOrganization", "WebSite").map(o -> ld.text(o, "name"))
            .orElse(null), "jsonld:organization",
        meta.get("application-name"), "meta:application-name");
    m.title = Titles.choose(doc, meta, ld, article, m);
    readAuthors(m, doc, meta, ld, article);
    readDate(m, doc, meta, ld, article, clock, sourceUrl);
    toPageOffset(m, doc, meta, ld, clock);
    m.section = first(m, "section",
        article.map(a -> ld.text(a, "articleSection")).orElse(null), "jsonld:articleSection",
        meta.get("article:section"), "meta:article:section");
    m.url = first(m, "url",
        attr(doc.selectFirst("link[rel=canonical][href]"), "href"), "link:canonical",
        meta.get("og:url"), "og:url",
        article.map(a -> ld.text(a, "url")).orElse(null), "jsonld:url",
        sourceUrl, "source");
    m.language = first(m, "language",
        doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"), "html[lang]",
        meta.get("content-language"), "meta:content-language",
        article.map(a -> ld.text(a, "inLanguage")).orElse(null), "jsonld:inLanguage",
        meta.get("og:locale"), "og:locale");
    if (m.language != null) {
      m.language = m.language.replace('_', '-').split("[,;\\s]")[0];
    }
    m.summary = first(m, "summary",
        meta.get("og:description"), "og:description",
        article.map(a -> ld.text(a, "description")).orElse(null), "jsonld:description",
        meta.get("description"), "meta:description",
        meta.get("twitter:description"), "twitter:description");
    readTags(m, meta, ld, article);
    m.articleBody = article.map(a -> ld.text(a, "articleBody")).orElse(null);
    if (!m.authors.isEmpty()) {
      List<String> full = VisibleAuthors.withFullNames(doc, m.authors);
      if (!full.equals(m.authors)) {
        m.authors = full;
        m.provenance.computeIfPresent("authors", (k, v) -> v + "+surname-from-page");
      }
    }
    // A one-person site publishes as that person (see readAuthors).
    String site = article.isPresent() && ld.isPerson(article.get(), "publisher")
        ? null : m.publication;
    List<String> people = VisibleAuthors.withoutSite(m.authors, site,
        m.url != null ? m.url : sourceUrl);
    if (people.size() < m.authors.size()) {
      m.authors = people;
      m.provenance.computeIfPresent("authors", (k, v) -> v + "-without-site");
      if (people.isEmpty()) {
        m.provenance.remove("authors");
      }
    }
    return m;
  }

  private static void readAuthors(HtmlMetadata m, Document doc, Meta meta, JsonLd ld,
      Optional<JsonObject> article) {
    // A one-person site publishes as that person: the publisher's name is then no reason to drop
    // the author.
    String notAuthor = article.isPresent() && ld.isPerson(article.get(), "publisher")
        ? null : m.publication;
    if (article.isPresent()) {
      List<String> names = cleanNames(ld.names(article.get(), "author"), notAuthor);
      if (!names.isEmpty()) {
        m.authors = names;
        m.provenance.put("authors", "jsonld:author");
        return;
      }
    }
    for (Element el : doc.select(
        "[itemprop~=^author$] [itemprop=name], [rel=author], [itemprop~=^author$], .byline, "
            + ".author, .author-name, .byline-name, [class*=byline], [class*=author-name], "
            + "[class*=authorname], [class~=(?i)^(post-)?author$], [id*=byline]")) {
      if (within(el, "[class*=comment], [id*=comment]")) {
        continue;
      }
      String text = el.hasAttr("content") && el.text().isBlank() ? el.attr("content") : el.text();
      if (text.length() > 150) {
        continue;
      }
      List<String> names = cleanNames(List.of(text), m.publication);
      if (!names.isEmpty()) {
        m.authors = names;
        m.provenance.put("authors", "byline:" + describe(el));
        return;
      }
    }
    Set<String> siteNames = siteNames(doc, m.publication);
    for (String name : AUTHOR_META) {
      String v = meta.get(name);
      v = v == null ? null : withoutSiteParts(v, siteNames);
      if (v != null && !v.contains("://") && !v.startsWith("@") && !isHandle(v)
          && !siteNames.contains(normal(v))) {
        List<String> names = cleanNames(List.of(v), m.publication);
        if (!names.isEmpty()) {
          m.authors = names;
          m.provenance.put("authors", "meta:" + name);
          return;
        }
      }
    }
    String labelled = labelledMeta(meta);
    if (labelled != null && !isHandle(labelled)) {
      List<String> names = cleanNames(List.of(labelled.replaceAll("\\s+@\\w+$", "")),
          notAuthor);
      if (!names.isEmpty()) {
        m.authors = names;
        m.provenance.put("authors", "meta:twitter:data(written-by)");
        return;
      }
    }
    Bylines.Byline b = textByline(doc, m.publication);
    if (b != null && !b.authors().isEmpty()) {
      m.authors = b.authors();
      m.provenance.put("authors", "byline:text");
      return;
    }
    VisibleAuthors.find(doc, m.publication, java.time.Clock.systemUTC()).ifPresent(f -> {
      m.authors = f.names();
      m.provenance.put("authors", "byline:" + f.rule());
    });
  }

  /** "Site - Jane Doe" in an author meta tag: the parts that are not the site's name. */
  private static String withoutSiteParts(String v, Set<String> siteNames) {
    String[] parts = v.split("\\s+[-|–—]\\s+");
    if (parts.length < 2) {
      return v;
    }
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (!siteNames.contains(normal(p))) {
        kept.add(p);
      }
    }
    return kept.isEmpty() || kept.size() == parts.length ? v : String.join(" - ", kept);
  }

  /**
   * A one-word account name with an underscore ("sv_team"): in a meta tag that is a social-media
   * handle, not the name the page shows (a visible byline may still be a user name).
   */
  static boolean isHandle(String v) {
    return v.strip().matches("[\\w.-]*_[\\w.-]*");
  }

  private static final Pattern WRITTEN_BY = Pattern.compile(
      "written by|verfasst von|geschrieben von|author|autor|escrito por|écrit par|scritto da",
      Pattern.CASE_INSENSITIVE);

  /** {@code twitter:labelN} "Written by" with its {@code twitter:dataN} value (an SEO plugin's). */
  private static String labelledMeta(Meta meta) {
    for (int i = 1; i <= 4; i++) {
      String label = meta.get("twitter:label" + i);
      if (label != null && WRITTEN_BY.matcher(label).find()) {
        return meta.get("twitter:data" + i);
      }
    }
    return null;
  }

  /** The first short block anywhere on the page that reads as a byline ("Posted by A on …"). */
  static Bylines.Byline textByline(Document doc, String publication) {
    if (doc.body() == null) {
      return null;
    }
    // Walk text nodes, not elements: a byline starts a text node ("Posted by", "By", "Von").
    for (org.jsoup.nodes.TextNode node : doc.body().selectXpath("//text()", org.jsoup.nodes.TextNode.class)) {
      String start = node.text().strip();
      if (start.length() < 2 || !ContentCleaner.startsLikeByline(start)) {
        continue;
      }
      Element el = node.parent() instanceof Element p ? p : null;
      while (el != null && !BodyExtractor.isBlock(el) && el.parent() != null
          && el.parent().text().length() <= 150) {
        el = el.parent();
      }
      if (el == null || within(el, "[class*=comment], [id*=comment]")) {
        continue;
      }
      String text = VisibleAuthors.spacedText(el);
      if (text.length() > 150) {
        continue;
      }
      if (!ContentCleaner.looksLikeByline(text)) {
        // A row of labelled fields ("Datum: 19.11.2021 Autor: A"): the byline starts at its label.
        int at = start.matches("[\\p{L}*]+\\s*:.*") ? text.indexOf(start) : -1;
        text = at > 0 ? text.substring(at) : text;
        if (at <= 0 || !ContentCleaner.looksLikeByline(text)) {
          continue;
        }
      }
      Optional<Bylines.Byline> b = Bylines.parseStrict(text, publication, java.time.Clock.systemUTC());
      if (b.isPresent() && !b.get().authors().isEmpty()) {
        return b.get();
      }
    }
    return null;
  }

  /** Names the site goes by: og:site_name / publisher, and the parts of the title tag. */
  private static Set<String> siteNames(Document doc, String publication) {
    Set<String> names = new java.util.HashSet<>();
    if (publication != null) {
      names.add(normal(publication));
    }
    String[] parts = TITLE_SEPARATOR.split(doc.title());
    if (parts.length > 1) {
      for (String p : parts) {
        names.add(normal(p));
      }
    }
    return names;
  }

  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String describe(Element el) {
    if (el.hasAttr("itemprop")) {
      return "itemprop";
    }
    if (el.hasAttr("rel")) {
      return "rel-author";
    }
    return "class";
  }

  static List<String> cleanNames(List<String> raw, String publication) {
    Set<String> names = new LinkedHashSet<>();
    for (String r : raw) {
      String text = Parser.unescapeEntities(r, false);
      Bylines.parse(text, publication).ifPresent(b -> names.addAll(b.authors()));
    }
    return new ArrayList<>(names);
  }

  private static void readDate(HtmlMetadata m, Document doc, Meta meta, JsonLd ld,
      Optional<JsonObject> article, Clock clock, String sourceUrl) {
    if (article.isPresent()) {
      for (String field : new String[] {"datePublished", "dateCreated"}) {
        if (setDate(m, ld.text(article.get(), field), "jsonld:" + field, clock)) {
          return;
        }
      }
    }
    for (String name : DATE_META) {
      if (setDate(m, meta.get(name), "meta:" + name, clock)) {
        return;
      }
    }
    for (Element t : doc.select("[itemprop=datePublished], time[pubdate], [property=datePublished]")) {
      String v = t.hasAttr("content") ? t.attr("content")
          : t.hasAttr("datetime") ? t.attr("datetime") : t.text();
      if (setDate(m, v, "itemprop:datePublished", clock)) {
        return;
      }
    }
    Optional<JsonObject> page = ld.ofType("WebPage", "ItemPage", "AboutPage");
    if (page.isPresent() && setDate(m, ld.text(page.get(), "datePublished"),
        "jsonld:webpage:datePublished", clock)) {
      return;
    }
    // A full date in the page's own address is the publisher's word; a <time> further down
    // may belong to a teaser of another story.
    PartialDate fromAddress = urlDate(doc, meta, sourceUrl, clock);
    if (fromAddress != null && fromAddress.precision() == PartialDate.Precision.DAY) {
      m.published = fromAddress;
      m.provenance.put("published", "url-path");
      return;
    }
    for (Element t : doc.select("time[datetime]")) {
      if (!within(t, "[class*=comment], [id*=comment]")
          && setDate(m, t.attr("datetime"), "time[datetime]", clock)) {
        return;
      }
    }
    if (labelledDate(m, doc, clock) || visibleDate(m, doc, clock)) {
      return;
    }
    Bylines.Byline b = textByline(doc, m.publication);
    if (b != null && b.date() != null) {
      m.published = b.date();
      m.provenance.put("published", "byline:date");
      return;
    }
    if (fromAddress != null) {
      m.published = fromAddress;
      m.provenance.put("published", "url-path");
    }
  }

  /** A date in the page's canonical address, og:url or the address it came from. */
  private static PartialDate urlDate(Document doc, Meta meta, String sourceUrl, Clock clock) {
    String url = attr(doc.selectFirst("link[rel=canonical][href]"), "href");
    if (url == null) {
      url = meta.get("og:url");
    }
    for (String u : new String[] {url, sourceUrl}) {
      PartialDate d = u == null ? null : fromUrl(u, clock);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** "Published on", "Veröffentlicht am", "Erschienen:", "Pressemitteilung vom" … then a date. */
  private static final Pattern PUBLISHED_LABEL = Pattern.compile(
      "(?<![\\p{L}])(?:published|publication date|posted|veröffentlicht|veroeffentlicht|"
          + "erschienen|erstellt|publié|publie|publicado|publicada|pubblicato|opublikowano|"
          + "(?:presse)?mitteilung|pressemeldung|press release)"
          + "(?:\\s+(?:on|am|le|el|il|vom|from|at))?\\s*:?\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern UPDATED_LABEL = Pattern.compile(
      "updated|modified|aktualisiert|geändert|änderung|mis à jour|actualizado|aggiornato",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * A date right after a publication label in the page's text ("Veröffentlicht am 16.08.2019",
   * "Published: March 3, 2020"), outside comments. A date after an "updated" label is not one.
   */
  private static boolean labelledDate(HtmlMetadata m, Document doc, Clock clock) {
    if (doc.body() == null) {
      return false;
    }
    for (org.jsoup.nodes.TextNode node :
        doc.body().selectXpath("//text()", org.jsoup.nodes.TextNode.class)) {
      String text = node.text();
      if (text.length() < 4 || text.length() > 300) {
        continue;
      }
      Matcher label = PUBLISHED_LABEL.matcher(text);
      if (!label.find()) {
        continue;
      }
      Element parent = node.parent() instanceof Element p ? p : null;
      if (parent == null || parent.nameIs("script") || parent.nameIs("style")
          || parent.nameIs("a") || within(parent, "[class*=comment], [id*=comment]")) {
        continue;
      }
      // The date may be in the same text node or in the next element ("<b>Datum:</b> 3.4.2020").
      String after = text.substring(label.end());
      if (after.isBlank() && parent.text().length() <= 120) {
        String whole = parent.text();
        int at = whole.indexOf(text.strip());
        after = at < 0 ? "" : whole.substring(Math.min(whole.length(), at + text.strip().length()));
      }
      Optional<TextDates.Found> f = TextDates.findWithSpan(after, clock);
      if (f.isEmpty() || f.get().start() > 12
          || UPDATED_LABEL.matcher(after.substring(0, f.get().start())).find()) {
        continue;
      }
      m.published = f.get().date();
      m.provenance.put("published", "text:published-label");
      return true;
    }
    return false;
  }

  private static final Pattern DATE_HINT = Pattern.compile(
      "date|time|publish|posted|byline|dateline|(?:^|[\\s_-])meta|info|datum|fecha|data",
      Pattern.CASE_INSENSITIVE);

  /**
   * A date shown on the page in an element whose class says it is a date or a byline, searched
   * first around the headline, then anywhere outside comments, sidebars and footers.
   */
  private static boolean visibleDate(HtmlMetadata m, Document doc, Clock clock) {
    if (doc.body() == null) {
      return false;
    }
    List<Element> scopes = new ArrayList<>();
    Element h1 = doc.body().selectFirst("h1");
    if (h1 != null) {
      Element scope = h1;
      for (int i = 0; i < 3 && scope.parent() != null && !scope.parent().nameIs("body")
          && !scope.parent().nameIs("html"); i++) {
        scope = scope.parent();
      }
      scopes.add(scope);
    }
    scopes.add(doc.body());
    for (Element scope : scopes) {
      for (Element el : scope.getAllElements()) {
        String hints = PageCleaner.hints(el);
        if (hints.isEmpty() || !DATE_HINT.matcher(hints).find()
            || within(el, "[class*=comment], [id*=comment], [class*=sidebar], [id*=sidebar], "
                + "footer, [class*=footer], [class*=related], aside")) {
          continue;
        }
        String text = el.text();
        if (text.length() < 6 || text.length() > 120) {
          continue;
        }
        Optional<PartialDate> d = TextDates.find(text, clock);
        if (d.isPresent()) {
          m.published = d.get();
          m.provenance.put("published", "text:dated-element");
          return true;
        }
      }
      if (scope != doc.body() && headerDate(m, scope, clock)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Around the headline, a short line that is mostly a date ("Hamburg, 2. November 2021",
   * "Handball Schweiz • 02.02.2022") even without a class naming it: the article's dateline.
   */
  private static boolean headerDate(HtmlMetadata m, Element scope, Clock clock) {
    for (Element el : scope.getAllElements()) {
      if (el.nameIs("a") || el.closest("a") != null || el.nameIs("script")) {
        continue;
      }
      String text = el.text();
      if (text.length() < 6 || text.length() > 50 || !el.select("a").isEmpty()
          || UPDATED_LABEL.matcher(text).find()
          || within(el, "[class*=comment], [id*=comment], [class*=related], aside, footer")) {
        continue;
      }
      Optional<TextDates.Found> f = TextDates.findWithSpan(text, clock);
      if (f.isPresent() && f.get().date().precision() == PartialDate.Precision.DAY
          && text.length() - (f.get().end() - f.get().start()) <= 30) {
        m.published = f.get().date();
        m.provenance.put("published", "text:header-dateline");
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code el} or an ancestor below {@code <body>} matches {@code css}: a class on the
   * body or html element ("layout--related") describes the whole page, not a part of it.
   */
  static boolean within(Element el, String css) {
    Element hit = el.closest(css);
    return hit != null && !hit.nameIs("body") && !hit.nameIs("html");
  }

  /** A date written in a URL path: /2012/04/04/, /2012/04/, /20120404. */
  static PartialDate fromUrl(String url, Clock clock) {
    String path = url.replaceFirst("^[a-z]+://[^/]+", "");
    Matcher ymd = URL_DATE.matcher(path);
    try {
      PartialDate d = null;
      if (ymd.find()) {
        d = ymd.group(3) == null
            ? PartialDate.ofMonth(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)))
            : new PartialDate(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                Integer.parseInt(ymd.group(3)));
      } else {
        Matcher c = URL_DATE_COMPACT.matcher(path);
        if (c.find()) {
          d = new PartialDate(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)),
              Integer.parseInt(c.group(3)));
        }
      }
      if (d != null && !d.start().isAfter(java.time.LocalDate.now(clock).plusDays(1))) {
        return d;
      }
    } catch (RuntimeException e) {
      // 2012/02/30 and the like: not a date.
    }
    return null;
  }

  private static boolean setDate(HtmlMetadata m, String value, String rule, Clock clock) {
    if (value == null || value.isBlank()) {
      return false;
    }
    Optional<PartialDate> d = TextDates.parse(value, clock);
    if (d.isEmpty()) {
      return false;
    }
    m.published = d.get();
    m.provenance.put("published", rule);
    m.rawDate = value.strip();
    return true;
  }

  private static final Pattern UTC_STAMP = Pattern.compile(
      "^((?:19|20)\\d\\d-\\d\\d-\\d\\d)[T ](\\d\\d:\\d\\d(?::\\d\\d)?)(?:[.,]\\d+)?"
          + "\\s*(?:Z|[+-]00:?00)$");
  private static final Pattern OFFSET = Pattern.compile(
      "\\d\\d:\\d\\d(?::\\d\\d)?(?:[.,]\\d+)?\\s*([+-])(0\\d|1[0-4]):?([0-5]\\d)(?!\\d)");

  /**
   * A publication time stamp given in UTC ("…T23:00Z") is a day off for readers east or west of
   * Greenwich. When the page writes its other time stamps (meta tags, {@code <time datetime>},
   * JSON-LD dates) with one non-zero offset, the date is read in that offset: the calendar date
   * as the page itself shows it.
   */
  private static void toPageOffset(HtmlMetadata m, Document doc, Meta meta, JsonLd ld,
      Clock clock) {
    if (m.rawDate == null || m.published == null
        || m.published.precision() != PartialDate.Precision.DAY) {
      return;
    }
    Matcher utc = UTC_STAMP.matcher(m.rawDate);
    if (!utc.matches()) {
      return;
    }
    Map<java.time.ZoneOffset, Integer> offsets = new LinkedHashMap<>();
    List<String> stamps = new ArrayList<>(ld.dates());
    for (List<String> values : meta.values().values()) {
      for (String v : values) {
        if (v.length() < 40 && v.indexOf(':') > 0) {
          stamps.add(v);
        }
      }
    }
    for (Element t : doc.select("time[datetime]")) {
      stamps.add(t.attr("datetime"));
    }
    for (String v : stamps) {
      Matcher o = OFFSET.matcher(v);
      if (o.find()) {
        int secs = (Integer.parseInt(o.group(2)) * 3600 + Integer.parseInt(o.group(3)) * 60)
            * (o.group(1).equals("-") ? -1 : 1);
        if (secs != 0) {
          offsets.merge(java.time.ZoneOffset.ofTotalSeconds(secs), 1, Integer::sum);
        }
      }
    }
    if (offsets.size() != 1) {
      return; // none, or the page disagrees with itself
    }
    java.time.ZoneOffset offset = offsets.keySet().iterator().next();
    java.time.LocalDate local = java.time.LocalDateTime.parse(utc.group(1) + "T"
            + (utc.group(2).length() == 5 ? utc.group(2) + ":00" : utc.group(2)))
        .atOffset(java.time.ZoneOffset.UTC).withOffsetSameInstant(offset).toLocalDate();
    if (!local.isAfter(java.time.LocalDate.now(clock).plusDays(1))
        && !local.equals(m.published.start())) {
      m.published = PartialDate.of(local);
      m.provenance.put("published", m.provenance.get("published") + "@page-offset" + offset);
    }
  }

  private static void readTags(HtmlMetadata m, Meta meta, JsonLd ld, Optional<JsonObject> article) {
    Set<String> tags = new LinkedHashSet<>(meta.all("article:tag"));
    String rule = "meta:article:tag";
    if (tags.isEmpty() && article.isPresent()) {
      for (String k : ld.names(article.get(), "keywords")) {
        split(k, tags);
      }
      rule = "jsonld:keywords";
    }
    if (tags.isEmpty()) {
      String k = meta.get("news_keywords") != null ? meta.get("news_keywords") : meta.get("keywords");
      if (k != null) {
        split(k, tags);
      }
      rule = "meta:keywords";
    }
    tags.removeIf(t -> t.isBlank() || t.length() > 60);
    if (!tags.isEmpty()) {
      m.tags = List.copyOf(tags);
      m.provenance.put("tags", rule);
    }
  }

  private static void split(String s, Set<String> into) {
    for (String part : s.split("[,;]")) {
      String t = part.strip();
      if (!t.isEmpty()) {
        into.add(t);
      }
    }
  }

  /** The first non-blank value of (value, rule) pairs; records the rule as provenance. */
  static String first(HtmlMetadata m, String field, String... valueRulePairs) {
    for (int i = 0; i + 1 < valueRulePairs.length; i += 2) {
      String v = valueRulePairs[i];
      if (v != null && !v.isBlank()) {
        m.provenance.put(field, valueRulePairs[i + 1]);
        return Parser.unescapeEntities(v.strip(), false).replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  static String attr(Element el, String name) {
    if (el == null) {
      return null;
    }
    String v = el.attr(name);
    return v.isBlank() ? null : v.strip();
  }

  /** Meta tags by lower-cased name, property, itemprop or http-equiv; first value wins. */
  record Meta(Map<String, List<String>> values) {
    static Meta of(Document doc) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      Elements metas = doc.select("meta[content]");
      for (Element el : metas) {
        for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
          String k = el.attr(key).strip().toLowerCase(Locale.ROOT);
          if (!k.isEmpty()) {
            String v = el.attr("content").strip();
            if (!v.isEmpty()) {
              values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
          }
        }
      }
      return new Meta(values);
    }

    String get(String key) {
      List<String> v = values.get(key);
      return v == null ? null : v.get(0);
    }

    List<String> all(String key) {
      return values.getOrDefault(key, List.of());
    }
  }

  static String separatorSplitLongest(String title) {
    String best = title;
    String[] parts = TITLE_SEPARATOR.split(title);
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
