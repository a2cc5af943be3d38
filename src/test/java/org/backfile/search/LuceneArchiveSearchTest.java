package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five articles, small enough that every result can be predicted. */
class LuceneArchiveSearchTest {

  @TempDir
  Path dir;

  private ArchiveIndex index;
  private ArchiveSearch search;

  private static Article article(String id, String title, String author, String date, String section, String body) {
    return new Article("/src/" + id, id, title, author == null ? List.of() : List.of(author),
        date == null ? null : PartialDate.parse(date), null, section, List.of(), null, "en",
        "Dek of " + title, body, "text/html", List.of(), null);
  }

  @BeforeEach
  void buildIndex() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    for (Article a : List.of(
        article("bees1", "Rooftop bees in spring", "Maria Keller", "2012-04-04", "Garden",
            "The hives on the roof woke early. Bees carried pollen from the lime trees. Beekeepers counted mites."),
        article("bees2", "Feeding bees through winter", "Maria Keller", "2012-11", "Garden",
            "Winter feeding keeps a colony alive. Fondant and sugar syrup help the bees and the hives."),
        article("rail1", "Night train to Budapest", "Tomas Lindqvist", "2011-09-12", "Travel",
            "The sleeper left Vienna at night. The couchette was narrow, the dining car warm, the train slow."),
        article("rail2", "In praise of the dining car", "Tomas Lindqvist", "2012", "Travel",
            "A dining car on a night train serves goulash while the train crosses the plain."),
        article("undated1", "Café culture <b>notes</b>", null, null, null,
            "Notes about a café with <script>alert(1)</script> in the text and the word résumé."))) {
      index.put(a);
    }
    index.refreshNow();
    search = new LuceneArchiveSearch(index);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private List<String> ids(SearchPage page) {
    return page.hits().stream().map(Hit::id).toList();
  }

  @Test
  void findsArticlesByWordsInBodyWithTitleMatchesFirst() {
    SearchPage page = search.search(SearchRequest.of("bees"));
    assertEquals(2, page.total());
    assertTrue(ids(page).containsAll(List.of("bees1", "bees2")));
  }

  @Test
  void relevanceHitsCarryTheirScoresBestFirst() {
    List<Hit> hits = search.search(SearchRequest.of("train")).hits();
    assertEquals(2, hits.size());
    assertTrue(hits.get(0).score() > 0 && hits.get(1).score() > 0, hits.toString());
    assertTrue(hits.get(0).score() >= hits.get(1).score(), hits.toString());
    // newest first, Lucene scores the hits itself: the same scores
    SearchRequest newest = new SearchRequest("train", null, null, null, null, SearchRequest.Sort.NEWEST, 1, 10);
    assertEquals(hits.stream().map(Hit::score).sorted().toList(),
        search.search(newest).hits().stream().map(Hit::score).sorted().toList());
  }

  @Test
  void allWordsMustMatchByDefault() {
    assertEquals(List.of("rail2"), ids(search.search(SearchRequest.of("goulash train"))));
  }

  @Test
  void stemmingAndDiacriticFoldingApply() {
    assertEquals(List.of("undated1"), ids(search.search(SearchRequest.of("cafe resume"))));
    assertEquals(2, search.search(SearchRequest.of("hive")).total());
  }

  @Test
  void phrasesAndFieldPrefixesWork() {
    assertEquals(List.of("rail2"), ids(search.search(SearchRequest.of("\"dining car on a night train\""))));
    assertEquals(List.of("rail1"), ids(search.search(SearchRequest.of("title:budapest"))));
    assertEquals(2, search.search(SearchRequest.of("author:keller")).total());
    assertEquals(2, search.search(SearchRequest.of("author:\"Maria Keller\"")).total());
    assertEquals(2, search.search(SearchRequest.of("author:\"maria keller\"")).total());
    assertEquals(0, search.search(SearchRequest.of("author:\"Keller Maria\"")).total());
    assertEquals(2, search.search(SearchRequest.of("section:Travel")).total());
  }

  @Test
  void malformedQueryIsABadQueryNamingTheQuery() {
    BadQueryException e = assertThrows(BadQueryException.class, () -> search.search(SearchRequest.of("\"unclosed")));
    assertTrue(e.getMessage().contains("\"unclosed"), e.getMessage());
    assertThrows(BadQueryException.class, () -> search.search(SearchRequest.of("nosuchfield:x")));
  }

  @Test
  void dateRangesKeepPrecision() {
    // "2012" (year only) lies within 2012 but not within April 2012.
    SearchRequest year = new SearchRequest("", null, PartialDate.parse("2012"), PartialDate.parse("2012"), null, SearchRequest.Sort.NEWEST, 1, 10);
    assertEquals(List.of("bees2", "bees1", "rail2"), ids(search.search(year)));
    SearchRequest april = new SearchRequest("", null, PartialDate.parse("2012-04"), PartialDate.parse("2012-04"), null, SearchRequest.Sort.NEWEST, 1, 10);
    assertEquals(List.of("bees1"), ids(search.search(april)));
  }

  @Test
  void sortsNewestAndOldestWithUndatedLast() {
    SearchRequest newest = new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, 1, 10);
    assertEquals(List.of("bees2", "bees1", "rail2", "rail1", "undated1"), ids(search.search(newest)));
    SearchRequest oldest = new SearchRequest("", null, null, null, null, SearchRequest.Sort.OLDEST, 1, 10);
    assertEquals(List.of("rail1", "rail2", "bees1", "bees2", "undated1"), ids(search.search(oldest)));
  }

  @Test
  void facetsCountAllMatchesAndHonourFilters() {
    SearchPage all = search.search(SearchRequest.of(""));
    assertEquals(3L, all.facets().get("year").get("2012"));
    assertEquals(1L, all.facets().get("year").get("undated"));
    assertEquals(2L, all.facets().get("author").get("Maria Keller"));
    SearchPage travel = search.search(new SearchRequest("", null, null, null, "Travel", SearchRequest.Sort.RELEVANCE, 1, 10));
    assertEquals(2, travel.total());
    assertFalse(travel.facets().get("author").containsKey("Maria Keller"));
  }

  @Test
  void authorFilterIsExact() {
    SearchRequest r = new SearchRequest("train", "Tomas Lindqvist", null, null, null, SearchRequest.Sort.RELEVANCE, 1, 10);
    assertEquals(2, search.search(r).total());
  }

  @Test
  void snippetsMarkMatchesAndEscapeArticleText() {
    Hit hit = search.search(SearchRequest.of("cafe")).hits().get(0);
    assertTrue(hit.snippet().contains("<mark>café</mark>"), hit.snippet());
    assertFalse(hit.snippet().contains("<script>"), hit.snippet());
    assertTrue(hit.snippet().contains("&lt;script&gt;"), hit.snippet());
  }

  @Test
  void pagingPastTheLimitIsRefused() {
    assertThrows(InvalidParameterException.class, () -> new SearchRequest("x", null, null, null, null, null, 101, 100));
    assertThrows(InvalidParameterException.class, () -> new SearchRequest("x", null, null, null, null, null, 1, 101));
    SearchRequest second = new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, 2, 2);
    assertEquals(List.of("rail2", "rail1"), ids(search.search(second)));
  }

  @Test
  void relatedNeverIncludesTheArticleItself() {
    List<RelatedArticle> related = search.related("bees1", 5).orElseThrow();
    assertFalse(related.stream().anyMatch(r -> r.id().equals("bees1")));
    assertEquals("bees2", related.get(0).id());
    assertTrue(related.get(0).because().contains("bees"), related.get(0).because().toString());
    assertTrue(search.related("no-such-id", 5).isEmpty());
  }

  @Test
  void rankFindsArticlesMatchingAnyWordOfALongQuestion() {
    // "feeding", "bees", "winter" match bees2 three ways; the other words match nothing
    List<RankedHit> hits = ((LuceneArchiveSearch) search).rank("What is known about feeding bees through the cold winter months?", 10);
    assertEquals("bees2", hits.get(0).id());
    assertTrue(hits.stream().anyMatch(h -> h.id().equals("bees1")));
  }

  @Test
  void archiveGroupsByYearAndMonthNewestFirst() {
    ArchiveTree tree = search.archive();
    assertEquals(List.of(2012, 2011), tree.years().stream().map(ArchiveTree.Year::year).toList());
    assertEquals(3, tree.years().get(0).count());
    assertEquals(List.of(new ArchiveTree.Month(11, 1), new ArchiveTree.Month(4, 1)), tree.years().get(0).months());
    assertEquals(1, tree.undated());
  }

  @Test
  void periodListsYearOnlyArticlesOnTheYearPageOnly() {
    assertEquals(3, search.period(2012, 0, 1, 10).total());
    assertEquals(List.of("bees1"), search.period(2012, 4, 1, 10).articles().stream().map(ArticleSummary::id).toList());
  }

  @Test
  void authorsAreCountedAndListed() {
    assertEquals(List.of(new AuthorCount("Maria Keller", 2), new AuthorCount("Tomas Lindqvist", 2)), search.authors());
    assertEquals(2, search.byAuthor("Maria Keller", 1, 10).total());
    assertEquals(0, search.byAuthor("Nobody", 1, 10).total());
  }

  @Test
  void statsDescribeTheIndex() {
    ArchiveStats s = search.stats();
    assertEquals(5, s.articles());
    assertEquals(2, s.authors());
    assertEquals(PartialDate.parse("2011-09-12"), s.earliest());
    assertEquals(PartialDate.parse("2012-11"), s.latest());
    assertEquals(1, s.undated());
    assertEquals(5L, s.formats().get("text/html"));
  }
}
