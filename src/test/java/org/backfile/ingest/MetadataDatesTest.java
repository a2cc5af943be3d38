package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Publication-date rules of {@link HtmlMetadata}, each on a small hand-written page. */
class MetadataDatesTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String PROSE = "<p>" + "The council met on a wet evening to talk about "
      + "the new bridge, the budget and the long list of repairs the town still needs. ".repeat(4)
      + "</p>";

  private static Article page(String head, String body) {
    String html = "<html><head><title>Test page</title>" + head + "</head><body>" + body
        + "</body></html>";
    return new HtmlArticleExtractor(NOW).extract(html.getBytes(StandardCharsets.UTF_8), "t", "t");
  }

  @Test
  void schemaOrgScriptWithoutATypeIsReadAsJsonLd() {
    Article a = page("<script>{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
        + "\"datePublished\": \"2022-01-28T06:00:00+01:00\"}</script>",
        "<article><h1>Bridge</h1>" + PROSE + "</article>");
    assertEquals(PartialDate.parse("2022-01-28"), a.published());
    assertEquals("jsonld:datePublished", a.provenance().get("published"));
  }

  @Test
  void aClassOnTheBodyDoesNotMakeTheWholePageARelatedBox() {
    String html = "<html><body class='layout--related'><main><article><header><h1>Bridge</h1>"
        + "<div class='header__meta'><span class='meta__date'>06.12.2022</span></div></header>"
        + PROSE + "</article></main></body></html>";
    Article a = new HtmlArticleExtractor(NOW).extract(html.getBytes(StandardCharsets.UTF_8), "t", "t");
    assertEquals(PartialDate.parse("2022-12-06"), a.published());
    a = page("", "<article><header><h1>Bridge</h1><div><span class='meta__date'>06.12.2022"
        + "</span></div></header>" + PROSE + "</article>");
    assertEquals(PartialDate.parse("2022-12-06"), a.published());
  }

  @Test
  void utcTimeStampIsReadInTheOffsetThePageUsesElsewhere() {
    Article a = page("<meta property='article:published_time' content='2022-05-04T03:37:37+00:00'>",
        "<article><h1>Bridge</h1><time datetime='2022-05-03T23:37:37-04:00'>May 3</time>"
            + PROSE + "</article>");
    assertEquals(PartialDate.parse("2022-05-03"), a.published());
    assertEquals("meta:article:published_time@page-offset-04:00", a.provenance().get("published"));
    // Without another offset on the page, the UTC date stays.
    a = page("<meta property='article:published_time' content='2022-05-04T03:37:37+00:00'>",
        "<article><h1>Bridge</h1>" + PROSE + "</article>");
    assertEquals(PartialDate.parse("2022-05-04"), a.published());
  }

  @Test
  void dateAfterAPublicationLabelButNotAfterAnUpdateLabel() {
    Article a = page("", "<article><h1>Bridge</h1>" + PROSE
        + "<p>Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023</p></article>");
    assertEquals(PartialDate.parse("2023-11-01"), a.published());
    assertEquals("text:published-label", a.provenance().get("published"));
    a = page("", "<article><h1>Bridge</h1>" + PROSE
        + "<p>Published: updated March 3, 2020</p></article>");
    assertNotEquals("text:published-label", a.provenance().get("published"));
  }

  @Test
  void shortDatelineNextToTheHeadlineWithoutADateClass() {
    Article a = page("", "<article><div><h1>Bridge</h1><p class='subtitle'>Hamburg, "
        + "2. November 2021</p></div>" + PROSE + "</article>");
    assertEquals(PartialDate.parse("2021-11-02"), a.published());
    assertEquals("text:header-dateline", a.provenance().get("published"));
  }

  @Test
  void writtenByLabelInTwitterMetaGivesTheAuthorEvenWhenThePersonIsThePublisher() {
    Article a = page("<meta name='twitter:label1' content='Verfasst von'>"
        + "<meta name='twitter:data1' content='Jana Berg @janaberg'>"
        + "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": ["
        + "{\"@type\": \"Article\", \"publisher\": {\"@id\": \"#p\"}},"
        + "{\"@type\": [\"Person\", \"Organization\"], \"@id\": \"#p\", \"name\": \"Jana Berg\"}]}"
        + "</script>", "<article><h1>Bridge</h1>" + PROSE + "</article>");
    assertEquals(java.util.List.of("Jana Berg"), a.authors());
    assertEquals("meta:twitter:data(written-by)", a.provenance().get("authors"));
  }

  @Test
  void bylineNamesLoseGluedLabelsLinkTextAndScreenReaderCopies() {
    assertEquals(java.util.List.of("Andreas Kalt"), Bylines.authors("AuthorAndreas Kalt"));
    assertEquals(java.util.List.of("Bypass Road"), Bylines.authors("Bypass Road"));
    assertEquals(java.util.List.of("Johanna Kropfitsch"),
        Bylines.authors("Johanna Kropfitsch Alle Artikel"));
    assertEquals(java.util.List.of("Olivier Minot"), Bylines.authors("Olivier Minot Olivier Minot"));
    assertEquals(java.util.List.of("Julia Lauter"), Bylines.authors("Interview: Julia Lauter"));
    assertTrue(PageAuthors.isHandle("sv_team"));
  }

  @Test
  void plainTextKickerInTheHeadingIsCutWhenTheMetaTitleIsTheRest() {
    Article a = page("<meta property='og:title' content='Große Aufgaben für die neue Regierung'>",
        "<article><h1>Tunesien Große Aufgaben für die neue Regierung</h1>" + PROSE + "</article>");
    assertEquals("Große Aufgaben für die neue Regierung", a.title());
    assertTrue(a.provenance().get("title").endsWith("-kicker"), a.provenance().get("title"));
  }

  @Test
  void siteNameAfterASeparatorAndLoneSeparatorsLeaveTheHeading() {
    Article a = page("<meta property='og:site_name' content='Umweltamt'>"
        + "<meta property='og:title' content='Atomkraft ist nicht nachhaltig'>",
        "<article><h1>Atomkraft ist nicht nachhaltig | Umweltamt</h1>" + PROSE + "</article>");
    assertEquals("Atomkraft ist nicht nachhaltig", a.title());
    a = page("<meta property='og:title' content='Bohren, bis es heiß wird'>",
        "<article><h1><span class='kicker'></span>: Bohren, bis es heiß wird</h1>" + PROSE
            + "</article>");
    assertEquals("Bohren, bis es heiß wird", a.title());
    // A subtitle after a dash is part of the headline, even when og:title leaves it out.
    a = page("<meta property='og:title' content='Immer mehr Modemarken werden pelzfrei'>",
        "<article><h1>Immer mehr Modemarken werden pelzfrei – so erkennen Sie Echtpelz</h1>"
            + PROSE + "</article>");
    assertEquals("Immer mehr Modemarken werden pelzfrei – so erkennen Sie Echtpelz", a.title());
  }

  @Test
  void dateAfterADatumOrVeroeffentlichungLabelWithItsColonAlsoAfterTheLabelsOwnElement() {
    Article a = page("", "<article><h1>Bridge</h1><div class=row><div class=col><h5>Datum: </h5>"
        + "03.11.2021</div></div>" + PROSE + "</article>");
    assertEquals(PartialDate.parse("2021-11-03"), a.published());
    assertEquals("text:published-label", a.provenance().get("published"));
    Article b = page("", "<article><h1>Bridge</h1>" + PROSE
        + "<p>Veröffentlichung: <a href='/music/'>04.02.2022</a><br>Label: Records</p></article>");
    assertEquals(PartialDate.parse("2022-02-04"), b.published());
    // without the colon the word is prose, and the date after it is not the publication's
    Article c = page("", "<article><h1>Bridge</h1><p>Die Veröffentlichung 04.02.2022 wurde "
        + "verschoben.</p>" + PROSE + "</article>");
    assertNotEquals("text:published-label", c.provenance().get("published"));
  }

  @Test
  void aPressReleaseDatelineOpeningTheLeadDatesAPageWithNothingElse() {
    Article a = page("", "<article><p><strong>01.02.2022</strong> The council met "
        + "on a wet evening, and the bridge was approved.</p>" + PROSE + "</article>");
    assertEquals(PartialDate.parse("2022-02-01"), a.published());
    assertEquals("body:lead-date", a.provenance().get("published"));
    // a date later in the first line is the story's, not the page's
    Article b = page("", "<article><p>The bridge opens on 01.02.2022, the council said on a wet "
        + "evening, after a long talk about the budget, the repairs and the ferry it replaces.</p>"
        + PROSE + "</article>");
    assertEquals(null, b.published(), b.provenance().toString());
  }
}
