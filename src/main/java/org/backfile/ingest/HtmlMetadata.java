package org.backfile.ingest;

import java.util.regex.Pattern;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A page's metadata, each field with the rule that found it (its provenance): JSON-LD first, then
 * Open Graph and other meta tags, then what the page shows (h1, bylines, {@code <time>}), then
 * the URL. Reads the document without changing it. Each field has its own finder
 * ({@link Titles}, {@link PageAuthors}, {@link PublicationDates}, {@link PageTags}…); this class
 * runs them in order and records their provenance.
 */
final class HtmlMetadata {

  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  String title;
  List<String> authors = List.of();
  PartialDate published;
  String publication;
  String section;
  List<String> tags = List.of();
  String url;
  String language;
  String summary;
  /** JSON-LD {@code articleBody}, when the page has one. */
  String articleBody;
  final Map<String, String> provenance = new LinkedHashMap<>();

  private HtmlMetadata() {}

  static HtmlMetadata read(Document doc, Clock clock) {
    return read(doc, clock, null);
  }

  /** @param sourceUrl the address the page was fetched from, when known (fallback for url, date) */
  static HtmlMetadata read(Document doc, Clock clock, String sourceUrl) {
    HtmlMetadata m = new HtmlMetadata();
    MetaTags meta = MetaTags.of(doc);
    JsonLd ld = JsonLd.of(doc);
    Optional<JsonObject> article = ld.article();
    // A one-person site publishes as that person (see PageAuthors.find).
    boolean personalSite = article.isPresent() && ld.isPerson(article.get(), "publisher");

    m.publication = m.first("publication",
        article.map(a -> ld.text(a, "publisher")).orElse(null), "jsonld:publisher",
        meta.get("og:site_name"), "og:site_name",
        ld.ofType("Organization", "NewsMediaOrganization", "WebSite").map(o -> ld.text(o, "name"))
            .orElse(null), "jsonld:organization",
        meta.get("application-name"), "meta:application-name");
    m.title = Titles.choose(doc, meta, ld, article, m);
    TextBylines textBylines = new TextBylines(doc, m.publication);
    Found<List<String>> authors =
        PageAuthors.find(doc, meta, ld, article, m.publication, personalSite, textBylines);
    if (authors != null) {
      m.authors = authors.value();
      m.provenance.put("authors", authors.rule());
    }
    PublicationDates.Dated date =
        PublicationDates.find(doc, meta, ld, article, textBylines, clock, sourceUrl);
    if (date != null) {
      date = PageOffsetDates.inPageOffset(date, doc, meta, ld, clock);
      m.published = date.date();
      m.provenance.put("published", date.rule());
    }
    m.section = m.first("section",
        article.map(a -> ld.text(a, "articleSection")).orElse(null), "jsonld:articleSection",
        meta.get("article:section"), "meta:article:section");
    m.url = m.first("url",
        CanonicalUrls.linked(doc), "link:canonical",
        meta.get("og:url"), "og:url",
        article.map(a -> ld.text(a, "url")).orElse(null), "jsonld:url",
        sourceUrl, "source");
    Element html = doc.selectFirst(Css.of("html"));
    m.language = m.first("language",
        html == null ? null : html.attr("lang"), "html[lang]",
        meta.get("content-language"), "meta:content-language",
        article.map(a -> ld.text(a, "inLanguage")).orElse(null), "jsonld:inLanguage",
        meta.get("og:locale"), "og:locale");
    if (m.language != null) {
      m.language = m.language.replace('_', '-').split("[,;\\s]")[0];
    }
    m.summary = m.first("summary",
        meta.get("og:description"), "og:description",
        article.map(a -> ld.text(a, "description")).orElse(null), "jsonld:description",
        meta.get("description"), "meta:description",
        meta.get("twitter:description"), "twitter:description");
    Found<List<String>> tags = PageTags.find(meta, ld, article);
    if (tags != null) {
      m.tags = tags.value();
      m.provenance.put("tags", tags.rule());
    }
    m.articleBody = article.map(a -> ld.text(a, "articleBody")).orElse(null);
    m.completeAuthors(doc, personalSite ? null : m.publication, sourceUrl);
    return m;
  }

  /** Surnames the page adds to a first name alone; then no author that is the site itself. */
  private void completeAuthors(Document doc, String site, String sourceUrl) {
    if (!authors.isEmpty()) {
      List<String> full = VisibleAuthors.withFullNames(doc, authors);
      if (!full.equals(authors)) {
        authors = full;
        provenance.computeIfPresent("authors", (k, v) -> v + "+surname-from-page");
      }
    }
    List<String> people = VisibleAuthors.withoutSite(authors, site, url != null ? url : sourceUrl);
    if (people.size() < authors.size()) {
      authors = people;
      provenance.computeIfPresent("authors", (k, v) -> v + "-without-site");
      if (people.isEmpty()) {
        provenance.remove("authors");
      }
    }
  }

  /** The first non-blank value of (value, rule) pairs; records the rule as provenance. */
  private String first(String field, String... valueRulePairs) {
    for (int i = 0; i + 1 < valueRulePairs.length; i += 2) {
      String v = valueRulePairs[i];
      if (v != null && !v.isBlank()) {
        provenance.put(field, valueRulePairs[i + 1]);
        return WHITESPACE.matcher(Parser.unescapeEntities(v.strip(), false)).replaceAll(" ");
      }
    }
    return null;
  }

  /** A name or title for comparison: lower case, letters and digits, single spaces. */
  static String normal(String s) {
    return NOT_LETTERS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
