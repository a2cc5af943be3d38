package org.backfile.web;

import java.util.List;
import java.util.Map;
import org.backfile.ingest.Article;

/**
 * An article as JSON: the record's fields with the date as text and its precision beside it. Used
 * by {@code extract} and {@code GET /api/articles/{id}} alike.
 */
public record ArticleJson(String source, String id, String title, List<String> authors,
    String published, String publishedPrecision, String publication, String section,
    List<String> tags, String url, String language, String summary, String body,
    String contentType, List<String> warnings, Map<String, String> provenance) {

  public static ArticleJson of(Article a) {
    return new ArticleJson(a.source(), a.id(), a.title(), a.authors(),
        a.published() == null ? null : a.published().toString(),
        a.published() == null ? null : a.published().precision().label(),
        a.publication(), a.section(), a.tags(), a.url(), a.language(), a.summary(), a.body(),
        a.contentType(), a.warnings(), a.provenance());
  }

  /** One line of JSON, every key present. */
  public String toJsonLine() {
    return Json.GSON.toJson(this);
  }
}
