package org.backfile.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backfile.ingest.PartialDate;

/** Small formatting helpers the page templates call. */
public final class View {

  private View() {}

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
