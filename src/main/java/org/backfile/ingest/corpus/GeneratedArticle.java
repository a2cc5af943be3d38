package org.backfile.ingest.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One generated article, before it is written in some format.
 *
 * @param number 0-based position in the corpus
 * @param published null for an undated article; else the day (only year or month are shown when
 *     {@code precision} says so)
 * @param precision {@code day}, {@code month} or {@code year}
 * @param language ISO code, or null when the source collection does not say
 * @param teasers titles of other stories, for the "more stories" chrome of an HTML page
 */
record GeneratedArticle(int number, String title, List<String> authors, LocalDate published,
    String precision, String section, List<String> tags, String publication, String language,
    List<String> paragraphs, List<String> teasers, String format) {

  GeneratedArticle {
    Objects.requireNonNull(title, "title");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    paragraphs = List.copyOf(paragraphs);
    teasers = List.copyOf(teasers);
  }

  /** The date as the archive reads it: {@code 2012-04-05}, {@code 2012-04} or {@code 2012}; null when undated. */
  String publishedText() {
    if (published == null) return null;
    String day = published.toString();
    return switch (precision) {
      case "year" -> day.substring(0, 4);
      case "month" -> day.substring(0, 7);
      default -> day;
    };
  }

  String id() {
    return String.format(java.util.Locale.ROOT, "bench-%07d", number);
  }

  String url() {
    String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    String when = published == null ? "undated" : published.toString().substring(0, 7).replace('-', '/');
    return "https://archive.example.org/" + when + "/" + (slug.isEmpty() ? "article" : slug) + "-" + number;
  }
}
