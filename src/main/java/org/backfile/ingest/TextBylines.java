package org.backfile.ingest;

import java.time.Clock;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * A byline written as text anywhere on the page ("Posted by A on …", "By A", "Von A"). Both the
 * author and the date finders ask for it; the page is searched once.
 */
final class TextBylines {

  private final Document doc;
  private final String publication;
  private boolean searched;
  private Bylines.Byline found;

  TextBylines(Document doc, String publication) {
    this.doc = doc;
    this.publication = publication;
  }

  /** The first short block on the page that reads as a byline naming someone, or null. */
  Bylines.Byline first() {
    if (!searched) {
      found = search();
      searched = true;
    }
    return found;
  }

  private Bylines.Byline search() {
    if (doc.body() == null) {
      return null;
    }
    // Walk text nodes, not elements: a byline starts a text node ("Posted by", "By", "Von").
    for (TextNode node : doc.body().nodeStream(TextNode.class).toList()) {
      String start = node.text().strip();
      if (start.length() < 2 || !ContentCleaner.startsLikeByline(start)) {
        continue;
      }
      Element el = node.parent() instanceof Element p ? p : null;
      while (el != null && !BodyExtractor.isBlock(el) && el.parent() != null
          && el.parent().text().length() <= 150) {
        el = el.parent();
      }
      if (el == null || PageRegions.within(el, PageRegions.COMMENTS)) {
        continue;
      }
      String text = VisibleAuthors.spacedText(el);
      if (text.length() > 150) {
        continue;
      }
      if (!ContentCleaner.looksLikeByline(text)) {
        // A row of labelled fields ("Datum: 19.11.2021 Autor: A"): the byline starts at its label.
        int at = start.matches("[\\p{L}*]+\\s*:.*") ? text.indexOf(start) : -1;
        text = at > 0 ? text.substring(at) : text;
        if (at <= 0 || !ContentCleaner.looksLikeByline(text)) {
          continue;
        }
      }
      Optional<Bylines.Byline> b = Bylines.parseStrict(text, publication, Clock.systemUTC());
      if (b.isPresent() && !b.get().authors().isEmpty()) {
        return b.get();
      }
    }
    return null;
  }
}
