package org.backfile.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One article as extracted from a file: the unit that is indexed, searched and shown. The same
 * record is what {@code extract} prints and what {@code import} indexes.
 *
 * @param source the file it came from (a path, or {@code archive.zip!/inner/path})
 * @param id stable id: the same source and position always give the same id
 * @param published null when the article is undated
 * @param body plain text, paragraphs separated by a blank line
 * @param provenance field name to the rule that produced it; null unless asked for
 */
public record Article(
    String source,
    String id,
    String title,
    List<String> authors,
    PartialDate published,
    String publication,
    String section,
    List<String> tags,
    String url,
    String language,
    String summary,
    String body,
    String contentType,
    List<String> warnings,
    Map<String, String> provenance) {

  public Article {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    authors = List.copyOf(authors == null ? List.of() : authors);
    tags = List.copyOf(tags == null ? List.of() : tags);
    warnings = List.copyOf(warnings == null ? List.of() : warnings);
    provenance = provenance == null ? null : Map.copyOf(provenance);
  }

  public Article withId(String source, String id) {
    return new Article(source, id, title, authors, published, publication, section, tags, url,
        language, summary, body, contentType, warnings, provenance);
  }

  public Article withoutProvenance() {
    return provenance == null ? this : new Article(source, id, title, authors, published,
        publication, section, tags, url, language, summary, body, contentType, warnings, null);
  }
}
