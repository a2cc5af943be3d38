package org.backfile.ingest.corpus;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The three shapes an article is written in: a JSONL record, a web page with chrome, an e-mail. */
final class ArticleWriters {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.ofPattern("EEE, d MMM uuuu", Locale.ENGLISH);
  private static final List<String> NAV = List.of("News", "Politics", "Business", "Science", "Technology", "Sports", "Culture");

  private ArticleWriters() {}

  /** One line of JSON with the fields import reads; ends with a newline. */
  static String jsonl(GeneratedArticle a) {
    JsonObject o = new JsonObject();
    o.addProperty("title", a.title());
    JsonArray authors = new JsonArray();
    a.authors().forEach(authors::add);
    o.add("authors", authors);
    if (a.publishedText() != null) o.addProperty("published", a.publishedText());
    o.addProperty("publication", a.publication());
    o.addProperty("section", a.section());
    JsonArray tags = new JsonArray();
    a.tags().forEach(tags::add);
    o.add("tags", tags);
    o.addProperty("url", a.url());
    if (a.language() != null) o.addProperty("language", a.language());
    o.addProperty("body", String.join("\n\n", a.paragraphs()));
    return GSON.toJson(o) + "\n";
  }

  /** A whole web page: site header and navigation, the article with byline and date, teasers, footer. */
  static String html(GeneratedArticle a) {
    StringBuilder b = new StringBuilder(4096);
    String title = esc(a.title());
    b.append("<!DOCTYPE html>\n<html lang=\"").append(a.language() == null ? "en" : a.language()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(title).append(" | ").append(esc(a.publication()))
        .append(" Archive</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    if (!a.authors().isEmpty()) b.append("<meta name=\"author\" content=\"").append(esc(String.join(", ", a.authors()))).append("\">\n");
    b.append("<meta property=\"og:title\" content=\"").append(title).append("\">\n");
    if (a.published() != null && a.precision().equals("day")) {
      b.append("<meta property=\"article:published_time\" content=\"").append(a.published()).append("T09:30:00Z\">\n");
    }
    b.append("<meta property=\"article:section\" content=\"").append(esc(a.section())).append("\">\n");
    if (!a.tags().isEmpty()) b.append("<meta name=\"keywords\" content=\"").append(esc(String.join(", ", a.tags()))).append("\">\n");
    b.append("<link rel=\"canonical\" href=\"").append(esc(a.url())).append("\">\n</head>\n<body>\n")
        .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">The Archive</a>\n<nav><ul>");
    for (String n : NAV) b.append("<li><a href=\"/").append(n.toLowerCase(Locale.ROOT)).append("/\">").append(n).append("</a></li>");
    b.append("</ul></nav>\n<form action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form></header>\n<main>\n<article>\n<h1>")
        .append(title).append("</h1>\n<p class=\"byline\">");
    for (int i = 0; i < a.authors().size(); i++) {
      b.append(i == 0 ? "By " : " and ").append("<a rel=\"author\" href=\"/authors/")
          .append(esc(a.authors().get(i).toLowerCase(Locale.ROOT).replace(' ', '-'))).append("\">")
          .append(esc(a.authors().get(i))).append("</a>");
    }
    if (a.published() != null) {
      b.append(a.authors().isEmpty() ? "" : " · ").append("<time datetime=\"").append(a.publishedText()).append("\">")
          .append(switch (a.precision()) {
            case "year" -> a.publishedText();
            case "month" -> a.published().format(MONTH);
            default -> a.published().format(LONG_DAY);
          }).append("</time>");
    }
    b.append("</p>\n");
    for (String p : a.paragraphs()) b.append("<p>").append(esc(p)).append("</p>\n");
    if (!a.tags().isEmpty()) {
      b.append("<footer class=\"tags\">Tags:");
      for (String t : a.tags()) b.append(" <a href=\"/tags/").append(esc(t)).append("\">").append(esc(t)).append("</a>");
      b.append("</footer>\n");
    }
    b.append("</article>\n");
    if (!a.teasers().isEmpty()) {
      b.append("<aside class=\"more\"><h2>More stories</h2><ul>\n");
      for (String t : a.teasers()) b.append("<li><a href=\"/stories/\">").append(esc(t)).append("</a></li>\n");
      b.append("</ul></aside>\n");
    }
    b.append("</main>\n<footer class=\"site-footer\"><p>Subscribe to our newsletter · <a href=\"/about\">About</a> · ")
        .append("<a href=\"/privacy\">Privacy</a> · We use cookies to improve your experience.</p></footer>\n</body>\n</html>\n");
    return b.toString();
  }

  /** A plain-text newsletter e-mail; e-mails always carry a full date, so the day is given whatever the precision. */
  static String eml(GeneratedArticle a) {
    StringBuilder b = new StringBuilder(4096);
    if (a.authors().isEmpty()) {
      b.append("From: Archive Desk <desk@archive.example.org>\n");
    } else {
      String name = a.authors().get(0);
      b.append("From: ").append(name).append(" <").append(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "."))
          .append("@archive.example.org>\n");
    }
    b.append("To: readers@archive.example.org\nSubject: ").append(a.title().replace('\n', ' ')).append('\n');
    if (a.published() != null) b.append("Date: ").append(mailDate(a.published())).append(" 09:30:00 +0000\n");
    b.append("Message-ID: <").append(a.id()).append("@archive.example.org>\n");
    if (!a.tags().isEmpty()) b.append("Keywords: ").append(String.join(", ", a.tags())).append('\n');
    b.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
    for (String p : a.paragraphs()) b.append(wrap(p, 72)).append("\n\n");
    return b.toString();
  }

  private static String mailDate(LocalDate day) {
    return day.format(MAIL_DATE);
  }

  static String wrap(String paragraph, int width) {
    StringBuilder b = new StringBuilder(paragraph.length() + 16);
    int line = 0;
    for (String word : paragraph.split(" ")) {
      if (line > 0 && line + 1 + word.length() > width) {
        b.append('\n');
        line = 0;
      } else if (line > 0) {
        b.append(' ');
        line++;
      }
      b.append(word);
      line += word.length();
    }
    return b.toString();
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
