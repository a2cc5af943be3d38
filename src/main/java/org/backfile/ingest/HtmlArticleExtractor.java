package org.backfile.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns one saved web page into an article: the body without the page chrome, and metadata with
 * the rule that produced each field (provenance).
 *
 * <p>First version: whole-page text. Replaced by the boilerplate-removing extractor.
 */
public final class HtmlArticleExtractor {

  /**
   * @param content the page's bytes, in whatever charset it was saved
   * @param source where it came from, kept on the article
   * @param id the article's id
   */
  public Article extract(byte[] content, String source, String id) {
    Document doc = Jsoup.parse(new String(content, StandardCharsets.UTF_8));
    return new Article(source, id, doc.title(), List.of(), null, null, null, List.of(), null,
        null, null, doc.body() == null ? "" : doc.body().text(), "text/html", List.of(),
        Map.of("title", "html-title"));
  }
}
