package org.backfile.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Articles from named fields ({@code title, authors, published, body, summary, section, tags, url,
 * language, publication}), as JSONL objects and CSV rows give them; authors and tags split on ';'.
 */
final class FieldRecords {

  private FieldRecords() {}

  /** One record; unknown fields are ignored, an unreadable date becomes a warning. */
  static Article toArticle(Map<String, String> raw, String source, int ordinal, String contentType) {
    Map<String, String> f = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      if (k != null && v != null && !v.isBlank()) f.put(k.strip().toLowerCase(Locale.ROOT), v.strip());
    });
    List<String> warnings = new ArrayList<>();
    PartialDate published = null;
    String date = f.get("published");
    if (date != null) {
      try {
        published = PartialDate.parse(date.length() > 10 && date.charAt(4) == '-' ? date.substring(0, 10) : date);
      } catch (IllegalArgumentException e) {
        published = TextDates.parse(date).orElse(null);
        if (published == null) warnings.add("record " + (ordinal + 1) + ": unreadable date '" + date + "'");
      }
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    for (String k : f.keySet()) provenance.put(k, "field");
    String body = f.getOrDefault("body", "");
    String summary = f.containsKey("summary") ? f.get("summary") : Summaries.leadSentences(body);
    return new Article(source, ArticleIds.of(source, ordinal), f.get("title"), list(f.get("authors")),
        published, f.get("publication"), f.get("section"), list(f.get("tags")), f.get("url"),
        f.get("language"), summary, body, contentType, warnings, provenance);
  }

  static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) return out;
    for (String part : value.split(";")) {
      if (!part.isBlank()) out.add(part.strip());
    }
    return out;
  }

  /** Passes on the last article; none parsed: the file failed. */
  static void finish(RecordWarnings records, String source) throws ExtractionException, InterruptedException {
    if (records.count() == 0) {
      String why = records.firstWarning() == null ? "no records" : records.firstWarning();
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT, "no readable record: " + why);
    }
    records.finish();
  }
}
