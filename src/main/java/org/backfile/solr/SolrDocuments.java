package org.backfile.solr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backfile.index.ArticleSchema;
import org.backfile.index.LanguageAnalyzers;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;

/**
 * Articles as Solr documents and back, with the field names of {@link ArticleSchema} (the
 * configset's schema.xml declares the same names and analyses them the same way).
 */
final class SolrDocuments {

  /** The stored fields an article is read back from. */
  static final String ARTICLE_FIELDS = String.join(",", ArticleSchema.ID, ArticleSchema.SOURCE,
      ArticleSchema.TITLE, ArticleSchema.AUTHOR, ArticleSchema.PUBLISHED, ArticleSchema.PUBLICATION,
      ArticleSchema.SECTION, ArticleSchema.TAG, ArticleSchema.URL, ArticleSchema.LANGUAGE,
      ArticleSchema.SUMMARY, ArticleSchema.BODY, ArticleSchema.CONTENT_TYPE, ArticleSchema.WARNING);
  /** What a list entry needs, without the body. */
  static final String SUMMARY_FIELDS = String.join(",", ArticleSchema.ID, ArticleSchema.SOURCE, ArticleSchema.TITLE,
      ArticleSchema.AUTHOR, ArticleSchema.PUBLISHED, ArticleSchema.SUMMARY, ArticleSchema.URL);

  /**
   * Solr's "did you mean" vocabulary (the configset's {@code words} field): its spellcheck
   * component reads one field, where the embedded index asks the two unstemmed phrase fields.
   */
  static final String WORDS = "words";

  private SolrDocuments() {}

  /** Writes the document of an article (inside an {@code add} command). */
  static void write(Article a, JsonWriter w) throws IOException {
    w.beginObject();
    w.name(ArticleSchema.ID).value(a.id());
    w.name(ArticleSchema.SOURCE).value(a.source());
    w.name(ArticleSchema.TITLE).value(a.title());
    w.name(ArticleSchema.BODY).value(a.body());
    w.name(ArticleSchema.TITLE_EXACT).value(a.title());
    w.name(ArticleSchema.BODY_EXACT).value(a.body());
    w.name(WORDS).beginArray().value(a.title()).value(a.body()).endArray();
    String languageField = LanguageAnalyzers.fieldFor(a.language()).orElse(null);
    if (languageField != null) w.name(languageField).beginArray().value(a.title()).value(a.body()).endArray();
    optional(w, ArticleSchema.SUMMARY, a.summary());
    optional(w, ArticleSchema.URL, a.url());
    list(w, ArticleSchema.AUTHOR, a.authors());
    list(w, ArticleSchema.AUTHOR_TEXT, a.authors());
    PartialDate date = a.published();
    if (date != null) {
      w.name(ArticleSchema.PUBLISHED).value(date.toString());
      w.name(ArticleSchema.PUBLISHED_START).value(date.start().toEpochDay());
      w.name(ArticleSchema.PUBLISHED_END).value(date.end().toEpochDay());
      w.name(ArticleSchema.PUBLISHED_SORT).value(date.start().toEpochDay());
      w.name(ArticleSchema.DATED).value("yes");
      w.name(ArticleSchema.FACET_YEAR).value(String.format(Locale.ROOT, "%04d", date.year()));
      if (date.month() != 0) {
        w.name(ArticleSchema.FACET_MONTH).value(String.format(Locale.ROOT, "%04d-%02d", date.year(), date.month()));
      }
    } else {
      w.name(ArticleSchema.DATED).value("no");
      w.name(ArticleSchema.FACET_YEAR).value(ArticleSchema.UNDATED);
    }
    optional(w, ArticleSchema.SECTION, a.section());
    optional(w, ArticleSchema.PUBLICATION, a.publication());
    optional(w, ArticleSchema.LANGUAGE, a.language());
    optional(w, ArticleSchema.CONTENT_TYPE, a.contentType());
    list(w, ArticleSchema.TAG, a.tags().stream().filter(t -> !t.isBlank()).toList());
    list(w, ArticleSchema.WARNING, a.warnings());
    w.name(ArticleSchema.DUP_GROUP).value(ArticleSchema.exactCopyGroup(a));
    w.endObject();
  }

  private static void optional(JsonWriter w, String field, String value) throws IOException {
    if (value != null && !value.isBlank()) w.name(field).value(value);
  }

  private static void list(JsonWriter w, String field, List<String> values) throws IOException {
    if (values.isEmpty()) return;
    w.name(field).beginArray();
    for (String v : values) w.value(v);
    w.endArray();
  }

  /** Reads a stored article back; the inverse of {@link #write}. */
  static Article read(JsonObject d) {
    String published = string(d, ArticleSchema.PUBLISHED);
    return new Article(string(d, ArticleSchema.SOURCE), string(d, ArticleSchema.ID),
        string(d, ArticleSchema.TITLE), strings(d, ArticleSchema.AUTHOR),
        published == null ? null : PartialDate.parse(published), string(d, ArticleSchema.PUBLICATION),
        string(d, ArticleSchema.SECTION), strings(d, ArticleSchema.TAG), string(d, ArticleSchema.URL),
        string(d, ArticleSchema.LANGUAGE), string(d, ArticleSchema.SUMMARY), string(d, ArticleSchema.BODY),
        string(d, ArticleSchema.CONTENT_TYPE), strings(d, ArticleSchema.WARNING), null);
  }

  static String string(JsonObject d, String field) {
    JsonElement e = d.get(field);
    if (e == null || e.isJsonNull()) return null;
    if (e.isJsonArray()) return e.getAsJsonArray().isEmpty() ? null : e.getAsJsonArray().get(0).getAsString();
    return e.getAsString();
  }

  static List<String> strings(JsonObject d, String field) {
    JsonElement e = d.get(field);
    List<String> out = new ArrayList<>();
    if (e == null || e.isJsonNull()) return out;
    if (e.isJsonArray()) {
      for (JsonElement x : (JsonArray) e) out.add(x.getAsString());
    } else {
      out.add(e.getAsString());
    }
    return out;
  }
}
