package org.backfile.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backfile.ingest.PartialDate;
import org.backfile.search.SearchRequest;

/** Small formatting helpers the page templates call. */
public final class View {

  /** The search facets offered as filters, in the order the page lists them. */
  public static final List<String> FACET_DIMENSIONS =
      List.of("year", "author", "section", "publication", "language", "format");

  private View() {}

  public static String sortName(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> "Relevance";
      case NEWEST -> "Newest";
      case OLDEST -> "Oldest";
    };
  }

  /** The article's original address, only when it is a web address (never javascript: and the like). */
  public static String webUrl(String url) {
    if (url == null) return null;
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? u : null;
  }

  /** The query that finds articles carrying a tag. */
  public static String tagQuery(String tag) {
    return "tag:\"" + tag.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** "April 4, 2012", "April 2012" or "2012": never more precise than what is known. */
  public static String date(PartialDate d) {
    if (d == null) return "Undated";
    return switch (d.precision()) {
      case DAY -> monthName(d.month()) + " " + d.day() + ", " + d.year();
      case MONTH -> monthName(d.month()) + " " + d.year();
      case YEAR -> Integer.toString(d.year());
    };
  }

  public static String monthName(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  public static String articleUrl(String id, String title) {
    String slug = slug(title);
    return "/articles/" + encode(id) + (slug.isEmpty() ? "" : "/" + slug);
  }

  public static String authorUrl(String name) {
    return "/authors/" + encode(name);
  }

  public static String monthUrl(int year, int month) {
    return String.format(Locale.ROOT, "/archive/%04d/%02d", year, month);
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Lowercase ASCII words joined by dashes, for readable permalinks. */
  public static String slug(String title) {
    if (title == null) return "";
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-[^-]*$", "") : slug;
  }

  /** "English" for "en"; the code itself when Java does not know it. */
  public static String language(String code) {
    if (code == null || code.isBlank()) return "";
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }

  /** A reader's name for a content type: "PDF" for application/pdf. */
  public static String format(String contentType) {
    if (contentType == null) return "";
    String t = contentType.toLowerCase(Locale.ROOT);
    if (t.contains("pdf")) return "PDF";
    if (t.contains("html")) return "HTML";
    if (t.contains("wordprocessingml") || t.contains("msword")) return "Word";
    if (t.contains("opendocument.text")) return "OpenDocument";
    if (t.contains("rtf")) return "RTF";
    if (t.contains("epub")) return "EPUB";
    if (t.contains("rfc822") || t.contains("message")) return "E-mail";
    if (t.startsWith("text/plain")) return "Plain text";
    return contentType;
  }

  /** What a facet value reads as on the page. */
  public static String facetValue(String dim, String value) {
    return switch (dim) {
      case "language" -> language(value);
      case "format" -> format(value);
      case "year" -> value.equals("undated") ? "Undated" : value;
      default -> value;
    };
  }

  public static String facetLabel(String dim) {
    return switch (dim) {
      case "year" -> "Year";
      case "author" -> "Author";
      case "section" -> "Section";
      case "publication" -> "Publication";
      case "language" -> "Language";
      case "format" -> "Format";
      default -> dim;
    };
  }

  /**
   * The file an article came from, by name only: the source is a server path (or
   * {@code archive.zip!/inner/path}) and is never shown whole.
   */
  public static String fileName(String source) {
    if (source == null) return "";
    int cut = Math.max(source.lastIndexOf('/'), Math.max(source.lastIndexOf('\\'), source.lastIndexOf('!')));
    return source.substring(cut + 1);
  }

  /** Page numbers to offer around the current one; 0 stands for a gap ("…"). */
  public static List<Integer> pageNumbers(int current, long totalPages) {
    List<Integer> out = new ArrayList<>();
    int last = (int) Math.min(totalPages, Integer.MAX_VALUE);
    for (int n = 1; n <= last; n++) {
      if (n == 1 || n == last || Math.abs(n - current) <= 2) {
        out.add(n);
      } else if (!out.isEmpty() && out.get(out.size() - 1) != 0) {
        out.add(0);
      }
    }
    return out;
  }

  /** Year facet counts ordered newest year first, "undated" last. */
  public static Map<String, Long> newestYearFirst(Map<String, Long> years) {
    Map<String, Long> out = new LinkedHashMap<>();
    years.keySet().stream().filter(y -> y.matches("\\d{4}")).sorted(Comparator.reverseOrder())
        .forEach(y -> out.put(y, years.get(y)));
    years.forEach(out::putIfAbsent);
    return out;
  }

  public static long pages(long total, int size) {
    return Math.max(1, (total + size - 1) / size);
  }

  /** At most {@code max} characters, cut at a word, for meta descriptions. */
  public static String shorten(String text, int max) {
    if (text == null) return "";
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) return t;
    int cut = t.lastIndexOf(' ', max - 1);
    return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }

  public static List<String> paragraphs(String body) {
    List<String> out = new ArrayList<>();
    if (body == null) return out;
    for (String p : body.split("\\n\\s*\\n")) {
      if (!p.isBlank()) out.add(p.strip());
    }
    return out;
  }

  public static String authors(List<String> names) {
    if (names.isEmpty()) return "";
    if (names.size() == 1) return names.get(0);
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
