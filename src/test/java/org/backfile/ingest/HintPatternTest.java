package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The word-list form of the page-chrome pattern answers exactly as the regex it replaced. */
class HintPatternTest {

  /** PageCleaner's pattern as one regex, before it became a word list (the reference). */
  private static final Pattern UNLIKELY_REGEX = Pattern.compile(
      "-ad-|(?:^|[\\s_-])ads?(?:$|[\\s_-])|advert|ai2html|banner|breadcrumb|combx|comment|community|"
          + "cookie|consent|gdpr|disqus|extra|footer|header|legends|menu|related|remark|replies|"
          + "rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
          + "pagination|pager|popup|modal|newsletter|subscribe|subscription|signup|paywall|promo|"
          + "share|sharing|sharer|teaser|recommend|most-?popular|most-?read|trending|outbrain|"
          + "taboola|toolbar|navbar|masthead|nav(?:$|[\\s_-])|jump-?link|print-?only|visually-?hidden|"
          + "sr-only|screen-?reader|author-?bio|about-?the-?author|read-?more|more-?stories|"
          + "further-?reading",
      Pattern.CASE_INSENSITIVE);

  private static final List<String> PIECES = List.of("ad", "ads", "Ad", "AD", "nav", "NAV", "-",
      "_", " ", "\t", "x", "main", "about", "the", "author", "More", "stories", "read", "most",
      "popular", "jump", "link", "print", "only", "screen", "reader", "visually", "hidden", "sr",
      "share", "Footer", "COMMENT", "header", "promo", "İ", "\u212A", "ſ", "menu", "ai2html", "2",
      "further", "reading", "bio", "social", "content", "sidebar", "rss", "pager");

  @Property(tries = 5000)
  void wordListAnswersAsTheRegex(@ForAll("hints") String hints) {
    assertEquals(UNLIKELY_REGEX.matcher(hints).find(), PageCleaner.UNLIKELY_HINTS.find(hints),
        hints);
  }

  @Provide
  Arbitrary<String> hints() {
    return Arbitraries.of(PIECES).list().ofMaxSize(8).map(l -> String.join("", l));
  }

  private static final List<String> COMMENT_PIECES = List.of("comment", "Comment", "COMMENTS",
      "commentary", "commentaires", "disqus", "Disqus_thread", "respond", "replies", "reactions",
      "talkback", "kommentar", "Kommentare", "forum", "thread", "threads", "x", "a", "-", "_", " ",
      "\t", "ſ", "\u212A", "İ", "com", "ment", "re", "spond", "for", "um");

  @Property(tries = 5000)
  void neededWordsAnswerAsTheCommentRegex(@ForAll("commentHints") String hints) {
    assertEquals(PageCleaner.COMMENTS.matcher(hints).find(), PageCleaner.COMMENT_HINTS.find(hints),
        hints);
  }

  @Provide
  Arbitrary<String> commentHints() {
    return Arbitraries.of(COMMENT_PIECES).list().ofMaxSize(8).map(l -> String.join("", l));
  }

  /** Words and pieces of the class/id patterns, in several cases, with separators and look-alikes. */
  private static final List<String> HINT_PIECES = List.of("article", "Article", "BODY", "content",
      "entry", "h", "-", "_", " ", "\t", "main", "page", "post", "text", "Text", "blog", "story",
      "prose", "rich", "and", "column", "shadow", "hid", "hidden", "HID", "foot", "er", "note",
      "com", "comment", "-ad-", "ad", "banner", "meta", "data", "date", "Date", "time", "line",
      "info", "details", "publish", "posted", "byline", "author", "stamp", "pub", "datum", "fecha",
      "tags", "tool", "nav", "menu", "media", "share", "x", "2", "ſ", "\u212A", "İ", "é");

  @Provide
  Arbitrary<String> classHints() {
    return Arbitraries.of(HINT_PIECES).list().ofMaxSize(7).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void positiveHintsAnswerAsTheirRegex(@ForAll("classHints") String hints) {
    assertEquals(BodyExtractor.POSITIVE.matcher(hints).find(), BodyExtractor.POSITIVE_HINTS.find(hints), hints);
  }

  @Property(tries = 3000)
  void negativeHintsAnswerAsTheirRegex(@ForAll("classHints") String hints) {
    assertEquals(BodyExtractor.NEGATIVE.matcher(hints).find(), BodyExtractor.NEGATIVE_HINTS.find(hints), hints);
  }

  @Property(tries = 3000)
  void maybeHintsAnswerAsTheirRegex(@ForAll("classHints") String hints) {
    assertEquals(PageCleaner.MAYBE.matcher(hints).find(), PageCleaner.MAYBE_HINTS.find(hints), hints);
  }

  @Property(tries = 3000)
  void bylineHintsAnswerAsTheirRegex(@ForAll("classHints") String hints) {
    assertEquals(ContentCleaner.BYLINE_HINT.matcher(hints).find(), ContentCleaner.BYLINE_HINTS.find(hints),
        hints);
  }

  @Property(tries = 3000)
  void dateHintsAnswerAsTheirRegex(@ForAll("classHints") String hints) {
    assertEquals(ShownDates.DATE_HINT.matcher(hints).find(), ShownDates.DATE_HINTS.find(hints), hints);
  }

  @Test
  void neededWordsNeedAnAsciiCasePattern() {
    assertThrows(IllegalArgumentException.class, () -> HintPattern.withNeededWords(
        Pattern.compile("x", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), List.of("x")));
  }

  @Test
  void findsWordsAnywhereIgnoringAsciiCaseOnly() {
    HintPattern p = HintPattern.ofWords(List.of("menu"), "(?:^|\\s)ad(?:$|\\s)", List.of("ad"));
    assertTrue(p.find("top-MENU-bar"));
    assertTrue(p.find("x ad"));
    assertFalse(p.find("header"));
    assertFalse(p.find("shadow"));
    assertEquals("menü", HintPattern.lowerAscii("MENü"));
    assertEquals("\u0130", HintPattern.lowerAscii("\u0130"));
  }

  @Test
  void rejectsWordsThatAreNotLowerCase() {
    assertThrows(IllegalArgumentException.class,
        () -> HintPattern.ofWords(List.of("Menu"), "x", List.of("x")));
  }
}
