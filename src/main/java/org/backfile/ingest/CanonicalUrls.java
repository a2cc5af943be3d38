package org.backfile.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's own address as it declares it: {@code <link rel=canonical>}, then og:url. */
final class CanonicalUrls {

  private CanonicalUrls() {}

  /** The href of {@code link[rel=canonical]}, or null. */
  static String linked(Document doc) {
    return attr(doc.selectFirst(Css.of("link[rel=canonical][href]")), "href");
  }

  /** The canonical link, else og:url, else null. */
  static String declared(Document doc, MetaTags meta) {
    String url = linked(doc);
    return url != null ? url : meta.get("og:url");
  }

  static String attr(Element el, String name) {
    if (el == null) {
      return null;
    }
    String v = el.attr(name);
    return v.isBlank() ? null : v.strip();
  }
}
