package org.backfile.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page that holds several complete articles, each in its own {@code <article>} (a newsletter
 * or a magazine issue saved as one page). Splits only when the page clearly is such an issue: at
 * least two top-level articles that each have a heading, three or more paragraphs and
 * {@value #MIN_ARTICLE_CHARS}+ characters of paragraph text, together holding most of the page's
 * paragraph text. Pages whose "related stories" or comments use {@code <article>} do not qualify.
 */
final class HtmlIssueSplitter {

  static final int MIN_PARAGRAPHS = 3;
  static final int MIN_ARTICLE_CHARS = 600;
  static final double MIN_SHARE = 0.70;

  /** Head elements kept for each part: publication and language, never the page's title or dates. */
  private static final String KEPT_HEAD = "meta[property=og:site_name], meta[name=application-name], "
      + "meta[http-equiv=content-language], meta[property=og:locale]";

  private HtmlIssueSplitter() {}

  /**
   * The page's articles: one per part when it is an issue page, else the page as one article
   * (with id {@code ArticleIds.of(source, 0)}). The page is parsed once either way.
   */
  static List<Article> articles(byte[] content, String source, HtmlArticleExtractor html) {
    String id = ArticleIds.of(source, 0);
    if (count(content, "<article") < 2) return List.of(html.extract(content, source, id));
    Document doc = Jsoup.parse(HtmlCharset.decode(content));
    List<Element> parts = parts(doc); // reads the page without changing it
    if (parts.isEmpty()) return List.of(html.extract(doc, source, id));
    return split(doc, parts, source, html);
  }

  private static List<Article> split(Document doc, List<Element> parts, String source,
      HtmlArticleExtractor html) {
    Element head = new Element("head");
    for (Element keep : doc.head().select(KEPT_HEAD)) head.appendChild(keep.clone());
    Element root = doc.selectFirst("html");
    String lang = root == null ? "" : root.attr("lang");
    List<Article> out = new ArrayList<>();
    for (int n = 0; n < parts.size(); n++) {
      // The part's own heading stands in for the page's title tag, so the title rules confirm it.
      Element heading = parts.get(n).selectFirst("h1, h2, h3");
      String title = heading == null ? "" : "<title>" + escape(heading.text()) + "</title>";
      String page = "<!DOCTYPE html><html" + (lang.isBlank() ? "" : " lang=\"" + escape(lang) + "\"")
          + "><head><meta charset=\"utf-8\">" + title + head.html() + "</head><body>"
          + parts.get(n).outerHtml() + "</body></html>";
      String id = ArticleIds.of(source, n);
      out.add(html.extract(page.getBytes(StandardCharsets.UTF_8), source, id).withId(source, id));
    }
    return out;
  }

  /** The top-level articles to split into, or an empty list when the page does not qualify. */
  static List<Element> parts(Document doc) {
    if (doc.body() == null) return List.of();
    long pageChars = paragraphChars(doc.body());
    List<Element> parts = new ArrayList<>();
    long partChars = 0;
    for (Element article : doc.body().select("article")) {
      if (article.parents().stream().anyMatch(p -> p.tagName().equals("article"))) continue; // nested
      if (article.selectFirst("h1, h2, h3") == null) continue;
      if (article.select("p").size() < MIN_PARAGRAPHS) continue;
      long chars = paragraphChars(article);
      if (chars < MIN_ARTICLE_CHARS) continue;
      parts.add(article);
      partChars += chars;
    }
    if (parts.size() < 2 || pageChars == 0 || partChars < MIN_SHARE * pageChars) return List.of();
    return parts;
  }

  private static long paragraphChars(Element root) {
    long n = 0;
    for (Element p : root.select("p")) n += p.text().length();
    return n;
  }

  /**
   * Occurrences of a lower-case ASCII string, ASCII case ignored, counted up to two (true of every
   * ASCII-compatible charset). Run on every page, so it compares bytes, not decoded characters.
   */
  static int count(byte[] content, String ascii) {
    int found = 0;
    int n = ascii.length();
    byte first = (byte) ascii.charAt(0);
    outer:
    for (int i = 0; i + n <= content.length; i++) {
      if (lowerAscii(content[i]) != first) continue;
      for (int j = 1; j < n; j++) {
        if (lowerAscii(content[i + j]) != ascii.charAt(j)) continue outer;
      }
      if (++found >= 2) return found;
    }
    return found;
  }

  private static int lowerAscii(byte b) {
    return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
