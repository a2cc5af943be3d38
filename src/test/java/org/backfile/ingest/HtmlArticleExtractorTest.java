package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor(NOW);

  private Article extract(String fixture) {
    return extractor.extract(Fixtures.html(fixture), fixture, "id-1");
  }

  @Test
  void blogPostingByLineAtTheEndGivesAuthorAndDateButStaysOutOfTheBody() {
    Article a = extract("blog-posted-by.html");
    assertEquals(List.of("Margaret Ellison"), a.authors());
    assertEquals(PartialDate.parse("2012-04-04"), a.published());
    assertEquals("Repairing a Dry-Stone Wall", a.title());
    assertTrue(a.body().startsWith("The storm in March"), a.body());
    assertTrue(a.body().endsWith("which has its own problems."), a.body());
    assertFalse(a.body().contains("Posted by"), a.body());
    assertFalse(a.body().contains("Lambing season"), a.body());
    assertFalse(a.body().contains("Copyright"), a.body());
  }

  @Test
  void jsonLdGraphWithReferencedAuthorsFillsTheMetadata() {
    Article a = extract("news-jsonld-graph.html");
    assertEquals("Council approves new cycle bridge over the river", a.title());
    assertEquals(List.of("Daniel Okafor", "Priya Natarajan"), a.authors());
    assertEquals(PartialDate.parse("2013-05-14"), a.published());
    assertEquals("The Riverside Gazette", a.publication());
    assertEquals("Local news", a.section());
    assertEquals(List.of("transport", "cycling"), a.tags());
    assertEquals("https://gazette.example/news/2013/05/cycle-bridge", a.url());
    assertEquals("en-GB", a.language());
    assertEquals("jsonld:author", a.provenance().get("authors"));
    assertEquals("jsonld:datePublished", a.provenance().get("published"));
  }

  @Test
  void keepsHeadingsAndQuotesButDropsShareBarsAndMoreStories() {
    String body = extract("news-jsonld-graph.html").body();
    assertTrue(body.contains("\n\nObjections from boat owners\n\n"), body);
    assertTrue(body.contains("since the ring road was built."), body);
    assertFalse(body.contains("Share on"), body);
    assertFalse(body.contains("More stories"), body);
    assertFalse(body.contains("Leisure centre pool"), body);
    assertFalse(body.contains("By Daniel Okafor"), body);
    assertFalse(body.contains("14 May 2013"), body);
  }

  @Test
  void dropsCommentSections() {
    Article a = extract("comments-section.html");
    assertTrue(a.body().contains("Prove the shaped loaf overnight"), a.body());
    assertFalse(a.body().contains("open crumb"), a.body());
    assertFalse(a.body().contains("Leave a Reply"), a.body());
  }

  @Test
  void dropsTeaserListsAndReadsAGermanByline() {
    Article a = extract("teaser-list.html");
    assertFalse(a.body().contains("Bahnhof wird barrierefrei"), a.body());
    assertFalse(a.body().contains("Auch interessant"), a.body());
    assertEquals(List.of("Jana Kühn"), a.authors());
    assertEquals(PartialDate.parse("2019-09-03"), a.published());
    assertEquals("de", a.language());
  }

  @Test
  void brokenJsonLdDoesNotHideTheNextBlock() {
    Article a = extract("broken-jsonld.html");
    assertEquals(List.of("Hugo Lindqvist"), a.authors());
    assertEquals(PartialDate.parse("2016-02-11"), a.published());
    assertFalse(a.body().contains("Tags:"), a.body());
  }

  @Test
  void keepsTableTextAndTheLeadButNotCookieNotices() {
    Article a = extract("table-and-lead.html");
    assertTrue(a.body().startsWith("Les prix de l'électricité"), a.body());
    assertTrue(a.body().contains("Gaz 6,2 9,8"), a.body());
    assertFalse(a.body().contains("cookies"), a.body());
    assertFalse(a.body().contains("lettre d'information"), a.body());
    assertEquals(PartialDate.parse("2021-11-02"), a.published());
  }

  @Test
  void decodesUtf16PagesWithAByteOrderMark() {
    assertTrue(extract("utf16.html").body().startsWith("Spring tides happen"));
  }

  @Test
  void emptyPageGivesAnEmptyBodyAndAWarning() {
    Article a = extractor.extract(new byte[0], "empty.html", "e");
    assertEquals("", a.body());
    assertFalse(a.warnings().isEmpty());
  }

  @Test
  void paywallAndReprintNoticesUnderTheArticleAreDroppedButTheStoryKeepsSuchWords() {
    String prose = "<p>The council met on a wet evening to talk about the new bridge, the budget "
        + "and the long list of repairs the town still needs before the winter comes.</p>";
    String html = "<html><body><article><h1>Bridge</h1>" + prose.repeat(3)
        + "<p>“Who will pay for a digital subscription after all the cost-cutting?” she asked.</p>"
        + "<p>To view the full story, please subscribe to The Town Times.</p>"
        + "<p>Written permission must be obtained before reprint in online or print media.</p>"
        + "</article></body></html>";
    Article a = extractor.extract(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "t", "t");
    assertTrue(a.body().endsWith("after all the cost-cutting?” she asked."), a.body());
  }
}
