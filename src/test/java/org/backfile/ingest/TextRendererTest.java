package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The renderer's whitespace handling, written out by hand, answers as the regex it replaced. */
class TextRendererTest {

  private static final List<String> PIECES = List.of(" ", "  ", "\n", "\t", "\r", "\f", "\u000b",
      "\u00a0", "\u2003", "\u3000", "\u0085", "a", "Wort", "😀", ".");

  @Property(tries = 5000)
  void collapsesAsTheRegexDid(@ForAll("text") String text) {
    assertEquals(text.replace('\u00a0', ' ').replaceAll("\\s+", " "), TextRenderer.collapsed(text));
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of(PIECES).list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Test
  void returnsTextThatNeedsNoChangeAsItIs() {
    String text = "One line, single spaces.";
    assertSame(text, TextRenderer.collapsed(text));
  }

  @Test
  void rendersBlocksLinesAndBreaks() {
    String html = "<div><p>First \u00a0 paragraph\n  here.</p><p>Line one<br>line two<br><br>Next</p>"
        + "<pre>  kept\n  as is</pre><table><tr><td>a</td><td>b</td></tr></table></div>";
    assertEquals("First paragraph here.\n\nLine one\nline two\n\nNext\n\nkept\nas is\n\na b",
        TextRenderer.render(Jsoup.parse(html).body()));
  }
}
