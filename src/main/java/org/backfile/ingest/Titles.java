package org.backfile.ingest;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Picks a page's headline. The visible {@code <h1>} wins when the title tag or a meta title
 * confirms it; otherwise the JSON-LD headline, then Open Graph, then the title tag without the
 * site name that pages append to it ("Headline | Site").
 */
final class Titles {

  private Titles() {}

  static String choose(Document doc, HtmlMetadata.Meta meta, JsonLd ld,
      Optional<JsonObject> article, HtmlMetadata m) {
    String titleTag = clean(doc.title());
    String headline = clean(article.map(a -> ld.text(a, "headline")).orElse(null));
    String og = clean(meta.get("og:title"));
    String twitter = clean(meta.get("twitter:title"));
    String h1 = headingText(doc, m.publication);

    if (h1 != null) {
      for (String confirm : new String[] {titleTag, og, headline, twitter}) {
        if (confirm != null && normal(confirm).contains(normal(h1))) {
          m.provenance.put("title", "h1");
          return h1;
        }
      }
    }
    if (headline != null) {
      m.provenance.put("title", "jsonld:headline");
      return headline;
    }
    for (String[] c : new String[][] {{og, "og:title"}, {twitter, "twitter:title"}}) {
      if (c[0] != null) {
        m.provenance.put("title", c[1]);
        return withoutSiteName(c[0], m.publication);
      }
    }
    if (titleTag != null) {
      m.provenance.put("title", "title-tag");
      return withoutSiteName(titleTag, m.publication);
    }
    if (h1 != null) {
      m.provenance.put("title", "h1");
      return h1;
    }
    return "";
  }

  /**
   * The page's headline element: an h1, or a heading marked as the entry's title. A heading that
   * only links to the site's home page is the site name in the masthead, not the headline.
   */
  private static String headingText(Document doc, String siteName) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    for (Element h : body.select("article h1, [itemprop=headline], h1[class*=title], "
        + "h1[class*=headline], h1, h2[class*=title], h3[class*=title], h2[class*=headline]")) {
      String text = clean(h.text());
      if (text == null || text.length() < 4 || isMasthead(h, text, siteName)) {
        continue;
      }
      return text;
    }
    return null;
  }

  private static boolean isMasthead(Element heading, String text, String siteName) {
    if (siteName != null && normal(siteName).equals(normal(text))) {
      return true;
    }
    Element link = heading.selectFirst("a[href]");
    if (link == null || !normal(link.text()).equals(normal(text))) {
      return false;
    }
    String href = link.attr("href").strip();
    return href.equals("/") || href.matches("(?i)https?://[^/]+/?") || href.equals("./") || href.equals("index.html");
  }

  /** "Headline | Site" → "Headline", keeping the longest part when the site is unknown. */
  static String withoutSiteName(String title, String site) {
    if (site != null) {
      String s = normal(site);
      String[] parts = title.split("\\s+[|\\-–—:»·•]\\s+|\\s*[|»]\\s*");
      if (parts.length > 1) {
        StringBuilder kept = new StringBuilder();
        for (String p : parts) {
          if (!normal(p).equals(s)) {
            kept.append(kept.isEmpty() ? "" : " - ").append(p.strip());
          }
        }
        if (!kept.isEmpty() && kept.length() < title.length()) {
          return kept.toString();
        }
      }
    }
    String[] parts = title.split("\\s+[|–—»·•]\\s+|\\s*[|»]\\s*");
    if (parts.length > 1) {
      String first = parts[0].strip();
      String longest = HtmlMetadata.separatorSplitLongest(title);
      return first.length() >= 15 || first.length() >= longest.length() / 2 ? first : longest;
    }
    String[] dash = title.split("\\s+-\\s+");
    if (dash.length > 1 && dash[dash.length - 1].length() < 30) {
      return title.substring(0, title.lastIndexOf(dash[dash.length - 1])).replaceFirst("\\s+-\\s+$", "");
    }
    return title;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = Parser.unescapeEntities(s, false).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }
}
