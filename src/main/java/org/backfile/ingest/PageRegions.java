package org.backfile.ingest;

import org.jsoup.nodes.Element;

/** Where on the page an element sits: inside comments, sidebars, footers… */
final class PageRegions {

  /** Reader comments and forum replies: their names and dates are not the article's. */
  static final String COMMENTS = "[class*=comment], [id*=comment]";

  private PageRegions() {}

  /**
   * Whether {@code el} or an ancestor below {@code <body>} matches {@code css}: a class on the
   * body or html element ("layout--related") describes the whole page, not a part of it.
   */
  static boolean within(Element el, String css) {
    Element hit = el.closest(Css.of(css));
    return hit != null && !hit.nameIs("body") && !hit.nameIs("html");
  }
}
