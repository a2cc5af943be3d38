package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Author rules of {@link HtmlMetadata} and {@link VisibleAuthors}, each on a small page. */
class MetadataAuthorsTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String PROSE = "<p>" + "The council met on a wet evening to talk about "
      + "the new bridge, the budget and the long list of repairs the town still needs. ".repeat(4)
      + "</p>";

  private static Article page(String head, String body, String source) {
    String html = "<html><head><title>Test page</title>" + head + "</head><body>" + body
        + "</body></html>";
    return new HtmlArticleExtractor(NOW).extract(html.getBytes(StandardCharsets.UTF_8), source, "t");
  }

  private static Article page(String head, String body) {
    return page(head, body, "t");
  }

  @Test
  void bylineSetInSeparateSpansReadsWithASpace() {
    Article a = page("", "<article><h1>Bridge</h1><div><span>By</span><span><a href='/x'>J.R. "
        + "Stone</a></span></div>" + PROSE + "</article>");
    assertEquals(List.of("J.R. Stone"), a.authors());
  }

  @Test
  void linkToTheWritersArchivePageNamesTheAuthor() {
    Article a = page("", "<article><h1>Bridge</h1><div class='meta'><a href='/author/ruhe/'>"
        + "Helmut Rubik</a></div>" + PROSE + "</article>");
    assertEquals(List.of("Helmut Rubik"), a.authors());
    assertEquals("byline:author-link", a.provenance().get("authors"));
  }

  @Test
  void authorLinksInTeasersAndCommentsDoNotCount() {
    Article a = page("", "<article><h1>Bridge</h1>" + PROSE + "</article><aside class='related'>"
        + "<a href='/author/jane-doe/'>Jane Doe</a></aside><div class='comments'>"
        + "<a href='/author/john-roe/'>John Roe</a></div>");
    assertEquals(List.of(), a.authors());
  }

  @Test
  void authorClassedElementNextToTheHeadline() {
    Article a = page("", "<article><header><div class='meta'><div class='date'>22.11.2022</div>"
        + "<h5 class='field--name-field-term-author'>Christian Mihatsch</h5></div>"
        + "<h1>Bridge over the river</h1></header>" + PROSE + "</article>");
    assertEquals(List.of("Christian Mihatsch"), a.authors());
    assertEquals("byline:author-class", a.provenance().get("authors"));
  }

  @Test
  void labelInARowOfFieldsStartsTheByline() {
    Article a = page("", "<article><h1>Bridge</h1><div>Datum: 19.11.2021 <b>Autor:</b> Fritz "
        + "Imhof <b>Quelle:</b> Livenet</div>" + PROSE + "</article>");
    assertEquals(List.of("Fritz Imhof"), a.authors());
  }

  @Test
  void theSiteItselfIsNotAnAuthor() {
    // JSON-LD names the site as author; its host name gives it away.
    Article a = page("<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        + "\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"OÖ "
        + "Volksblatt\"}}</script>", "<article><h1>Bridge</h1>" + PROSE + "</article>",
        "https://volksblatt.at/chronik/bridge");
    assertEquals(List.of(), a.authors());
    Article oneWord = page("<meta name='author' content='hejfish'>",
        "<article><h1>Bridge</h1>" + PROSE + "</article>", "https://shop.hejfish.com/bridge");
    assertEquals(List.of(), oneWord.authors());
  }

  @Test
  void aPersonsNameThatIsTheWholeHostIsAPersonalSite() {
    Article a = page("<meta name='author' content='Gregory Szorc'>",
        "<article><h1>Bridge</h1>" + PROSE + "</article>", "https://gregoryszorc.com/blog/bridge");
    assertEquals(List.of("Gregory Szorc"), a.authors());
  }

  @Test
  void siteNameBeforeTheAuthorInAMetaTagIsDropped() {
    Article a = page("<meta property='og:site_name' content='unocero'>"
        + "<meta name='author' content='unocero - Alberto Ávila'>",
        "<article><h1>Bridge</h1>" + PROSE + "</article>");
    assertEquals(List.of("Alberto Ávila"), a.authors());
  }

  @Test
  void aUserNameIsTheBylineWhenItsArchiveLinkSpellsItOut() {
    Article a = page("", "<article><h1>Bridge</h1><div>von <span class='author vcard'><a "
        + "href='https://example.org/author/freeman1984/' rel='author'>freeman1984</a></span></div>"
        + PROSE + "</article>");
    assertEquals(List.of("freeman1984"), a.authors());
    Article other = page("", "<article><h1>Bridge</h1><div><a href='/profile/142450'>delta201</a>"
        + "</div>" + PROSE + "</article>");
    assertEquals(List.of(), other.authors());
  }

  @Test
  void aFirstNameAloneIsCompletedFromALineThatShowsTheSurname() {
    Article a = page("<meta name='author' content='Nils'>", "<article><h1>Bridge</h1><p><strong>"
        + "Eine Kolumne von Nils Pickert</strong></p>" + PROSE + "</article>");
    assertEquals(List.of("Nils Pickert"), a.authors());
    assertEquals("meta:author+surname-from-page", a.provenance().get("authors"));
  }

  @Test
  void aLayoutWrapperWithSidebarInItsClassIsNotASidebar() {
    Article a = page("", "<div class='post-wrap sidebar-on'><article><h1>Bridge</h1><div>"
        + "<a href='/author/jil-schuller/'>Jil Schuller</a></div>" + PROSE + "</article></div>");
    assertEquals(List.of("Jil Schuller"), a.authors());
  }

  @Test
  void linkLabelsWithArrowsAndSponsoredBoxesAreNotAuthors() {
    Article a = page("", "<article><h1>Bridge</h1><a rel='author' href='/archiv'>Archiv anzeigen "
        + "→</a><div class='byline'>Gesponserte Inhalte</div>" + PROSE + "</article>");
    assertEquals(List.of(), a.authors());
  }
}
