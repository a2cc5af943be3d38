package org.backfile.ingest;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's publication date, from the most to the least explicit source: JSON-LD
 * {@code datePublished}, date meta tags, {@code itemprop=datePublished}, a WebPage's date, a full
 * date in the page's address, {@code <time datetime>}, dates the page shows ({@link ShownDates}),
 * a text byline's date, then a month in the address. Never a future date.
 */
final class PublicationDates {

  private static final String[] DATE_META = {
      "article:published_time", "og:article:published_time", "article:published",
      "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
      "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date",
      "citation_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
      "dcterms.created", "dc.date.created", "originalpublicationdate", "date", "og:published_time",
      "published_time", "published-date", "release_date", "created", "article_date_original",
      "cxenseparse:recs:publishtime", "date_published", "dc.date.published"};

  /**
   * A date found, the rule that found it, and the machine-readable value it was read from (null
   * when it came from text or the address; {@link PageOffsetDates} needs it).
   */
  record Dated(PartialDate date, String rule, String raw) {
    Dated {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(rule, "rule");
    }
  }

  private PublicationDates() {}

  /** @return the publication date, or null when the page gives none */
  static Dated find(Document doc, MetaTags meta, JsonLd ld, Optional<JsonObject> article,
      TextBylines textBylines, Clock clock, String sourceUrl) {
    if (article.isPresent()) {
      for (String field : new String[] {"datePublished", "dateCreated"}) {
        Dated d = parsed(ld.text(article.get(), field), "jsonld:" + field, clock);
        if (d != null) {
          return d;
        }
      }
    }
    for (String name : DATE_META) {
      Dated d = parsed(meta.get(name), "meta:" + name, clock);
      if (d != null) {
        return d;
      }
    }
    for (Element t : doc.select(Css.of("[itemprop=datePublished], time[pubdate], [property=datePublished]"))) {
      String v = t.hasAttr("content") ? t.attr("content")
          : t.hasAttr("datetime") ? t.attr("datetime") : t.text();
      Dated d = parsed(v, "itemprop:datePublished", clock);
      if (d != null) {
        return d;
      }
    }
    Optional<JsonObject> page = ld.ofType("WebPage", "ItemPage", "AboutPage");
    if (page.isPresent()) {
      Dated d = parsed(ld.text(page.get(), "datePublished"), "jsonld:webpage:datePublished", clock);
      if (d != null) {
        return d;
      }
    }
    // A full date in the page's own address is the publisher's word; a <time> further down
    // may belong to a teaser of another story.
    PartialDate fromAddress = UrlDates.ofPage(CanonicalUrls.declared(doc, meta), sourceUrl, clock);
    if (fromAddress != null && fromAddress.precision() == PartialDate.Precision.DAY) {
      return new Dated(fromAddress, "url-path", null);
    }
    for (Element t : doc.select(Css.of("time[datetime]"))) {
      if (!PageRegions.within(t, PageRegions.COMMENTS)) {
        Dated d = parsed(t.attr("datetime"), "time[datetime]", clock);
        if (d != null) {
          return d;
        }
      }
    }
    Found<PartialDate> shown = ShownDates.find(doc, clock);
    if (shown != null) {
      return new Dated(shown.value(), shown.rule(), null);
    }
    Bylines.Byline b = textBylines.first();
    if (b != null && b.date() != null) {
      return new Dated(b.date(), "byline:date", null);
    }
    return fromAddress == null ? null : new Dated(fromAddress, "url-path", null);
  }

  private static Dated parsed(String value, String rule, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return TextDates.parse(value, clock).map(d -> new Dated(d, rule, value.strip())).orElse(null);
  }
}
