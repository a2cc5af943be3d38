package org.backfile.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Publication dates the page shows in its text, for pages without a machine-readable one: after
 * a "published" label, in an element whose class says it holds a date, or a dateline next to
 * the headline.
 */
final class ShownDates {

  /** "Published on", "Veröffentlicht am", "Erschienen:", "Pressemitteilung vom" … then a date. */
  private static final Pattern PUBLISHED_LABEL = Pattern.compile(
      "(?<![\\p{L}])(?:published|publication date|posted|veröffentlicht|veroeffentlicht|"
          + "erschienen|erstellt|publié|publie|publicado|publicada|pubblicato|opublikowano|"
          + "(?:presse)?mitteilung|pressemeldung|press release)"
          + "(?:\\s+(?:on|am|le|el|il|vom|from|at))?\\s*:?\\s*"
          // "Datum:", "Veröffentlichung:" only with their colon: bare, the words are prose.
          + "|(?<![\\p{L}])(?:datum|veröffentlichung|veroeffentlichung)\\s*:\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern UPDATED_LABEL = Pattern.compile(
      "updated|modified|aktualisiert|geändert|änderung|mis à jour|actualizado|aggiornato",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  static final Pattern DATE_HINT = Pattern.compile(
      "date|time|publish|posted|byline|dateline|(?:^|[\\s_-])meta|info|datum|fecha|data",
      Pattern.CASE_INSENSITIVE);
  static final HintPattern DATE_HINTS = HintPattern.withNeededWords(DATE_HINT, List.of("date",
      "time", "publish", "posted", "byline", "meta", "info", "datum", "fecha", "data"));
  private static final String NOT_THE_ARTICLE = PageRegions.COMMENTS
      + ", [class*=sidebar], [id*=sidebar], footer, [class*=footer], [class*=related], aside";
  private static final String NOT_THE_HEADER =
      PageRegions.COMMENTS + ", [class*=related], aside, footer";

  private ShownDates() {}

  /** A labelled date, else a date in a date-classed element or the headline's dateline; or null. */
  static Found<PartialDate> find(Document doc, Clock clock) {
    if (doc.body() == null) {
      return null;
    }
    Found<PartialDate> f = labelled(doc, clock);
    return f != null ? f : inDatedElement(doc, clock);
  }

  /**
   * A date right after a publication label in the page's text ("Veröffentlicht am 16.08.2019",
   * "Published: March 3, 2020"), outside comments. A date after an "updated" label is not one.
   */
  private static Found<PartialDate> labelled(Document doc, Clock clock) {
    for (TextNode node : doc.body().nodeStream(TextNode.class).toList()) {
      String text = node.text();
      if (text.length() < 4 || text.length() > 300) {
        continue;
      }
      Matcher label = PUBLISHED_LABEL.matcher(text);
      if (!label.find()) {
        continue;
      }
      Element parent = node.parent() instanceof Element p ? p : null;
      if (parent == null || parent.nameIs("script") || parent.nameIs("style")
          || parent.nameIs("a") || PageRegions.within(parent, PageRegions.COMMENTS)) {
        continue;
      }
      // The date may be in the same text node, in the next element ("<b>Datum:</b> 3.4.2020") or
      // after the label's own element ("<h5>Datum:</h5> 03.11.2021").
      String after = text.substring(label.end());
      for (Element box = parent; after.isBlank() && box != null && box.text().length() <= 120
          && !box.nameIs("body"); box = box == parent ? box.parent() : null) {
        String whole = box.text();
        int at = whole.indexOf(text.strip());
        after = at < 0 ? "" : whole.substring(Math.min(whole.length(), at + text.strip().length()));
      }
      Optional<TextDates.Found> f = TextDates.findWithSpan(after, clock);
      if (f.isEmpty() || f.get().start() > 12
          || UPDATED_LABEL.matcher(after.substring(0, f.get().start())).find()) {
        continue;
      }
      return new Found<>(f.get().date(), "text:published-label");
    }
    return null;
  }

  /**
   * A date shown on the page in an element whose class says it is a date or a byline, searched
   * first around the headline, then anywhere outside comments, sidebars and footers.
   */
  private static Found<PartialDate> inDatedElement(Document doc, Clock clock) {
    List<Element> scopes = new ArrayList<>();
    Element h1 = doc.body().selectFirst(Css.of("h1"));
    if (h1 != null) {
      Element scope = h1;
      for (int i = 0; i < 3 && scope.parent() != null && !scope.parent().nameIs("body")
          && !scope.parent().nameIs("html"); i++) {
        scope = scope.parent();
      }
      scopes.add(scope);
    }
    scopes.add(doc.body());
    for (Element scope : scopes) {
      for (Element el : scope.getAllElements()) {
        String hints = PageCleaner.hints(el);
        if (hints.isEmpty() || !DATE_HINTS.find(hints)
            || PageRegions.within(el, NOT_THE_ARTICLE)) {
          continue;
        }
        String text = el.text();
        if (text.length() < 6 || text.length() > 120) {
          continue;
        }
        Optional<PartialDate> d = TextDates.find(text, clock);
        if (d.isPresent()) {
          return new Found<>(d.get(), "text:dated-element");
        }
      }
      if (scope != doc.body()) {
        Found<PartialDate> f = headerDate(scope, clock);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * Around the headline, a short line that is mostly a date ("Hamburg, 2. November 2021",
   * "Handball Schweiz • 02.02.2022") even without a class naming it: the article's dateline.
   */
  private static Found<PartialDate> headerDate(Element scope, Clock clock) {
    TextLengths lengths = new TextLengths(scope);
    for (Element el : scope.getAllElements()) {
      if (el.nameIs("a") || el.nameIs("script") || lengths.longerThan(el, 50)
          || el.closest(Css.of("a")) != null) {
        continue;
      }
      String text = el.text();
      if (text.length() < 6 || text.length() > 50 || !el.select(Css.of("a")).isEmpty()
          || UPDATED_LABEL.matcher(text).find()
          || PageRegions.within(el, NOT_THE_HEADER)) {
        continue;
      }
      Optional<TextDates.Found> f = TextDates.findWithSpan(text, clock);
      if (f.isPresent() && f.get().date().precision() == PartialDate.Precision.DAY
          && text.length() - (f.get().end() - f.get().start()) <= 30) {
        return new Found<>(f.get().date(), "text:header-dateline");
      }
    }
    return null;
  }
}
