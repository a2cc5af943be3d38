package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Selectors with a cheap test in front select exactly what the plain selectors select. */
class CssTest {

  private static final List<String> TAGS = List.of("div", "p", "span", "a", "h1", "h2", "h3",
      "h4", "nav", "script", "svg", "section", "header", "meta", "link", "button", "main", "x-y");
  private static final List<String> WORDS = List.of("byline", "Byline", "BYLİNE", "bylıne",
      "author", "AUTHOR", "post-author", "author-name", "authorname", "byline-name", "title",
      "Title", "TİTLE", "headline", "Headline", "x", "ſ", "\u212A", "name", "true", "navigation",
      "dialog", "search", "alertdialog", "main", " ", "-");
  private static final List<String> ATTRS = List.of("class", "id", "itemprop", "rel", "role",
      "aria-hidden", "hidden", "style", "CLASS", "data-x");

  @Provide
  Arbitrary<String> pages() {
    Arbitrary<String> value = Arbitraries.of(WORDS).list().ofMaxSize(3).map(l -> String.join("", l));
    Arbitrary<String> attr = Combinators.combine(Arbitraries.of(ATTRS), value)
        .as((k, v) -> " " + k + "=\"" + v + "\"");
    Arbitrary<String> open = Combinators.combine(Arbitraries.of(TAGS), attr.list().ofMaxSize(3))
        .as((t, as) -> "<" + t + String.join("", as) + ">");
    Arbitrary<String> piece = Arbitraries.oneOf(open, Arbitraries.of("</div>", "</span>", "text "));
    return piece.list().ofMaxSize(25).map(l -> "<body>" + String.join("", l));
  }

  @Property(tries = 2000)
  void prefilteredSelectorsSelectTheSameElements(@ForAll("pages") String html) {
    Document doc = Jsoup.parse(html);
    assertSame(doc, PageAuthors.BYLINE_MARKUP, PageAuthors.BYLINE_ELEMENTS, html);
    assertSame(doc, Titles.HEADINGS_CSS, Titles.HEADINGS, html);
    assertSame(doc, PageCleaner.NEVER_TEXT_CSS, PageCleaner.NEVER_TEXT, html);
  }

  private static void assertSame(Document doc, String css, org.jsoup.select.Evaluator fast, String html) {
    Elements plain = doc.select(css);
    Elements quick = doc.select(fast);
    assertEquals(plain.size(), quick.size(), css + " on " + html);
    for (int i = 0; i < plain.size(); i++) {
      assertTrue(plain.get(i) == quick.get(i), css + " on " + html);
    }
  }

  @Test
  void containsIgnoresCaseAsEqualsIgnoreCaseDoes() {
    assertTrue(Css.containsIgnoreCase("post-AUTHOR x", "author"));
    assertTrue(Css.containsIgnoreCase("bylıne", "byline"), "dotless i upper-cases to I");
    assertFalse(Css.containsIgnoreCase("by-line", "byline"));
    assertFalse(Css.containsIgnoreCase("", "a"));
    assertTrue(Css.containsIgnoreCase("Café-BYLINE", "byline"), "non-ASCII elsewhere in the string");
    assertTrue(Css.containsIgnoreCase("\u212Aey-title", "title"));
  }
}
