package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Headline rules of {@link Titles}, each on a small hand-written page. */
class MetadataTitlesTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String PROSE = "<p>" + "The council met on a wet evening to talk about "
      + "the new bridge, the budget and the long list of repairs the town still needs. ".repeat(4)
      + "</p>";

  private static String title(String head, String body) {
    String html = "<html><head>" + head + "</head><body>" + body + "</body></html>";
    return new HtmlArticleExtractor(NOW).extract(html.getBytes(StandardCharsets.UTF_8), "t", "t")
        .title();
  }

  @Test
  void kickerInItsOwnElementIsCutWhenAMetaTitleSetsItOff() {
    assertEquals("Getränke per Schiff ins Stadtzentrum", title(
        "<title>Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum - Praxis</title>",
        "<article><h1><span>Olympische Spiele in Paris</span> Getränke per Schiff ins Stadtzentrum"
            + "</h1>" + PROSE + "</article>"));
    // the kicker ends with a colon; the meta title is the rest only
    assertEquals("Klimavorreiter Oberland?", title(
        "<meta property='og:title' content='Klimavorreiter Oberland? - Stimme'>",
        "<article><h1><span>Energiewende Oberland:</span> Klimavorreiter Oberland?</h1>" + PROSE
            + "</article>"));
  }

  @Test
  void aStyledFirstWordIsNotAKicker() {
    assertEquals("Apple launches a new bridge", title(
        "<title>Apple launches a new bridge</title>",
        "<article><h1><em>Apple</em> launches a new bridge</h1>" + PROSE + "</article>"));
  }

  @Test
  void dateAndCategoriesInTheHeadingElementAreCut() {
    assertEquals("Zuschauerrückkehr bei den Proficlubs der Region", title(
        "<meta property='og:title' content='Zuschauerrückkehr bei den Proficlubs der Region'>",
        "<article><h1>Zuschauerrückkehr bei den Proficlubs der Region <small>02.02.2022 • "
            + "<a href='/c/verband'>Verband</a>, <a href='/c/presse'>Presse</a></small></h1>"
            + PROSE + "</article>"));
  }

  @Test
  void aLogoHeadingThatIsTheSitePartOfTheTitleLosesToTheHeadlineHeading() {
    assertEquals("Podcasts in Plex einbinden", title(
        "<title>Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden</title>",
        "<div id=header><h1><a href='/blog/'>Disfunctions.de</a></h1></div>"
            + "<div class=post><h2>Podcasts in Plex einbinden</h2>" + PROSE + "</div>"));
    // no heading holds the long part: the logo heading is all there is to confirm
    assertEquals("Impressum", title(
        "<title>Impressum - Werbeagentur Marke Ich | Soltau</title>"
            + "<meta property='og:title' content='Impressum'>",
        "<div class=page><h1>Impressum</h1>" + PROSE + "</div>"));
  }
}
