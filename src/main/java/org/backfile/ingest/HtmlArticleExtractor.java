package org.backfile.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns one saved web page into an article: the body without the page chrome, and metadata with
 * the rule that produced each field (provenance).
 *
 * <p>Steps: decode the bytes as a browser would ({@link HtmlCharset}), read the metadata from the
 * untouched page ({@link HtmlMetadata}), then find and clean the article body
 * ({@link BodyExtractor}); bylines and datelines taken out of the body fill in authors and date
 * when the page's metadata had none.
 */
public final class HtmlArticleExtractor {

  private final Clock clock;

  public HtmlArticleExtractor() {
    this(Clock.systemUTC());
  }

  /** @param clock "now", so that dates after it are rejected; fixed in tests */
  public HtmlArticleExtractor(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param content the page's bytes, in whatever charset it was saved
   * @param source where it came from, kept on the article; when it is an http(s) URL it also
   *     serves as the page's address (canonical URL and URL-path date fallback)
   * @param id the article's id
   */
  public Article extract(byte[] content, String source, String id) {
    Objects.requireNonNull(content, "content");
    return extract(Jsoup.parse(HtmlCharset.decode(content)), source, id);
  }

  /** The same for a page already parsed (from its decoded bytes); changes {@code doc}. */
  Article extract(Document doc, String source, String id) {
    String sourceUrl = source != null && source.matches("(?i)https?://.*") ? source : null;
    HtmlMetadata meta = HtmlMetadata.read(doc, clock, sourceUrl);
    BodyExtractor.Result body = BodyExtractor.extract(doc.body());
    Map<String, String> provenance = new LinkedHashMap<>(meta.provenance);
    List<String> warnings = new ArrayList<>();

    List<String> authors = meta.authors;
    PartialDate published = meta.published;
    for (String line : body.bylines()) {
      Optional<Bylines.Byline> b = Bylines.parseStrict(line, meta.publication, clock);
      if (b.isEmpty()) {
        continue;
      }
      if (authors.isEmpty() && !b.get().authors().isEmpty()
          && ContentCleaner.looksLikeByline(line)) {
        authors = b.get().authors();
        provenance.put("authors", "byline:text");
      }
      if (published == null && b.get().date() != null) {
        published = b.get().date();
        provenance.put("published", "byline:date");
      }
    }
    String text = withoutLeadingTitle(body.text(), meta.title);
    if (published == null) {
      published = leadDate(text, clock);
      if (published != null) {
        provenance.put("published", "body:lead-date");
      }
    }
    provenance.put("body", "dom-scorer");
    if (text.isBlank()) {
      warnings.add("no article text found");
    }
    return new Article(source, id, meta.title, authors, published, meta.publication,
        meta.section, meta.tags, meta.url, meta.language, meta.summary, text, "text/html",
        warnings, provenance);
  }

  /**
   * A press release's dateline: the article's first line opens with a full date ("01.02.2022
   * „Der Arbeitsmarkt …"). Only when nothing else dated the page.
   */
  static PartialDate leadDate(String text, Clock clock) {
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).strip();
    return TextDates.findWithSpan(first.length() > 200 ? first.substring(0, 200) : first, clock)
        .filter(f -> f.start() == 0 && f.date().precision() == PartialDate.Precision.DAY)
        .map(TextDates.Found::date).orElse(null);
  }

  /** The headline is metadata; a body that opens with it repeats it. */
  static String withoutLeadingTitle(String text, String title) {
    if (title == null || title.isBlank()) {
      return text;
    }
    int end = text.indexOf("\n\n");
    String first = end < 0 ? text : text.substring(0, end);
    if (HtmlMetadata.normal(first).equals(HtmlMetadata.normal(title))) {
      return end < 0 ? "" : text.substring(end + 2);
    }
    return text;
  }
}
