package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@link TextLengths} never claims more text than jsoup's {@code text()} gives. */
class TextLengthsTest {

  /** Markup and text with every kind of space jsoup, {@code trim} and {@code strip} treat apart. */
  private static final List<String> PIECES = List.of("<p>", "</p>", "<div>", "</div>", "<pre>",
      "</pre>", "<span>", "</span>", "<br>", "<b>", "</b>", "<li>", "<td>", "<!-- c -->",
      "<script>var x = 1;</script>", "<![CDATA[ c d ]]>", "word", "Wörter", "a,b", " ", "  ", "\n",
      "\t", "\u00a0", "\u200b", "\u00ad", "\u000b", "\u001c", "\u2003", "\u3000", "\u0085", "😀",
      "&nbsp;", "&shy;", "x");

  @Property(tries = 3000)
  void boundIsTheCharactersNoTrimmingCanRemove(@ForAll("html") String html) {
    Element body = Jsoup.parse(html).body();
    TextLengths lengths = new TextLengths(body);
    for (Element el : body.getAllElements()) {
      String text = el.text();
      assertEquals(TextLengths.kept(text), lengths.atLeast(el), html);
      assertTrue(lengths.atLeast(el) <= text.strip().length(), html);
    }
  }

  @Provide
  Arbitrary<String> html() {
    return Arbitraries.of(PIECES).list().ofMaxSize(14).map(l -> String.join("", l));
  }

  @Test
  void countsEverySubtreeOnce() {
    Element body = Jsoup.parse("<div id=a><p>Short one.</p><p>Another\u00a0line,<b> bold</b></p></div>")
        .body();
    TextLengths lengths = new TextLengths(body);
    Element div = body.getElementById("a");
    assertEquals(9, lengths.atLeast(div.child(0)));
    assertEquals(25, lengths.atLeast(div));
    assertTrue(lengths.longerThan(div, 24));
    assertFalse(lengths.longerThan(div, 25));
    assertFalse(lengths.longerThan(new Element("p"), 0), "an element from elsewhere is not known");
  }
}
