package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Research features: query forms, drill-sideways facets, cursors, histograms, exports, spelling. */
class SearchFeaturesTest {

  @TempDir
  Path dir;

  private ArchiveIndex index;
  private ArchiveSearch search;

  @BeforeEach
  void build() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    String[] authors = {"Maria Keller", "Tomas Lindqvist", "Priya Raman"};
    String[] sections = {"Garden", "Travel"};
    // 60 articles over 2010-2014, three authors, two sections; every third mentions clouds.
    for (int i = 0; i < 60; i++) {
      String date = i % 10 == 9 ? null : String.format("%d-%02d", 2010 + i % 5, 1 + i % 12);
      index.put(new Article("/s/" + i, String.format("a%03d", i), "Article " + i + (i % 3 == 0 ? " about clouds" : ""),
          List.of(authors[i % 3]), date == null ? null : PartialDate.parse(date), "Weekly", sections[i % 2],
          List.of("t" + i % 4), null, "en", "Dek " + i,
          "Body of article " + i + (i % 3 == 0 ? ". Cloudy skies and cloud computing." : ". Sunny."), "text/plain", List.of(), null));
    }
    index.refreshNow();
    search = new LuceneArchiveSearch(index);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private long total(String q) {
    return search.search(SearchRequest.of(q)).total();
  }

  private SearchRequest req(String q, String author, String section) {
    return new SearchRequest(q, author, null, null, section, SearchRequest.Sort.NEWEST, 1, 10);
  }

  @Test
  void queryFormsWork() {
    assertEquals(20, total("clouds"));
    assertEquals(20, total("cloud*"));
    assertEquals(40, total("-cloudy"));
    assertEquals(40, total("NOT cloudy"));
    assertEquals(20, total("\"cloud computing\""));
    assertEquals(60, total("cloudy OR sunny"));
    assertEquals(10, total("(cloudy OR sunny) AND author:keller AND section:Garden"));
    assertEquals(6, total("published:[2011-01 TO 2011-06]")); // articles 1, 16, 26, 36, 41, 51
    assertEquals(12, total("published:2011"));
    assertEquals(1, total("title:\"article 3 about\""));
  }

  @Test
  void phrasesMatchTheWordsAsWrittenWhileWordsAreStemmed() throws Exception {
    index.put(new Article("/s/x", "exact1", "Committee news", List.of(), null, null, null, List.of(), null, "en",
        null, "The organizing committee met on Tuesday.", "text/plain", List.of(), null));
    index.put(new Article("/s/y", "exact2", "More committee news", List.of(), null, null, null, List.of(), null, "en",
        null, "The organized committees met on Friday.", "text/plain", List.of(), null));
    index.refreshNow();
    assertEquals(2, total("organize committee"));
    assertEquals(List.of("exact1"), search.search(SearchRequest.of("\"organizing committee\"")).hits().stream().map(Hit::id).toList());
    Hit hit = search.search(SearchRequest.of("\"organizing committee\"")).hits().get(0);
    assertTrue(hit.snippet().contains("<mark>organizing committee</mark>"), hit.snippet());
    // Plain words (highlighted from the token stream, without weight matches) mark each stemmed form.
    Hit words = search.search(SearchRequest.of("organize committee")).hits().stream()
        .filter(h -> h.id().equals("exact2")).findFirst().orElseThrow();
    assertTrue(words.snippet().contains("<mark>organized</mark> <mark>committees</mark>"), words.snippet());
  }

  @Test
  void otherLanguagesAreStemmedWithTheirOwnAnalyzer() throws Exception {
    index.put(new Article("/s/de", "deutsch1", "Alte Häuser am Hafen", List.of(), null, null, null, List.of(), null, "de",
        null, "Die alten Häuser am Hafen wurden renoviert.", "text/plain", List.of(), null));
    index.refreshNow();
    assertEquals(List.of("deutsch1"), search.search(SearchRequest.of("haus")).hits().stream().map(Hit::id).toList());
  }

  @Test
  void malformedQueriesSayWhere() {
    BadQueryException e = assertThrows(BadQueryException.class, () -> total("(clouds AND"));
    assertTrue(e.getMessage().contains("column"), e.getMessage());
    assertThrows(BadQueryException.class, () -> total("published:[last TO week]"));
    assertThrows(BadQueryException.class, () -> total("title:[a TO b]"));
  }

  @Test
  void facetsOfAFilteredDimensionIgnoreThatFilterOnly() {
    SearchPage page = search.search(req("", "Maria Keller", "Garden"));
    assertEquals(10, page.total());
    // author counts honour the section filter but not the author filter: all three authors show
    assertEquals(3, page.facets().get("author").size());
    assertEquals(10L, page.facets().get("author").get("Maria Keller"));
    // section counts honour the author filter only: Keller wrote 10 Garden and 10 Travel
    assertEquals(10L, page.facets().get("section").get("Travel"));
    // an unfiltered dimension counts the matches
    assertEquals(10L, page.facets().get("publication").get("Weekly"));
  }

  @Test
  void undatedArticlesAreCountedAndReachable() {
    SearchPage all = search.search(SearchRequest.of(""));
    assertEquals(6L, all.facets().get("year").get("undated"));
    SearchRequest undated = new SearchRequest("", null, null, null, null, null, null, null, null, true,
        SearchRequest.Sort.NEWEST, 1, 100, null);
    assertEquals(6, search.search(undated).total());
  }

  @Test
  void cursorPagingVisitsEveryMatchOnceEvenWhileArticlesAreAdded() throws Exception {
    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      Set<String> seen = new HashSet<>();
      List<String> order = new ArrayList<>();
      SearchRequest r = new SearchRequest("", null, null, null, null, null, null, null, null, false, sort, 1, 7, null);
      SearchPage page = search.search(r);
      int pages = 0;
      while (true) {
        for (Hit h : page.hits()) {
          assertTrue(seen.add(h.id()), sort + ": repeated " + h.id());
          order.add(h.id());
        }
        if (page.nextCursor() == null) break;
        if (++pages == 2 && sort == SearchRequest.Sort.OLDEST) {
          // a new article sorting at the end must not disturb what was already paged over
          index.put(new Article("/s/new", "z999", "Late", List.of(), PartialDate.parse("2020"), null, null,
              List.of(), null, "en", null, "Late body.", "text/plain", List.of(), null));
          index.refreshNow();
        }
        page = search.search(r.withPage(1, page.nextCursor()));
      }
      assertTrue(seen.size() >= 60, sort + " saw " + seen.size());
      index.deleteById("z999");
      index.refreshNow();
    }
  }

  @Test
  void cursorFromAnotherSortIsRefused() {
    SearchPage page = search.search(new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, 1, 5));
    SearchRequest wrong = new SearchRequest("", null, null, null, null, null, null, null, null, false,
        SearchRequest.Sort.OLDEST, 1, 5, page.nextCursor());
    assertThrows(InvalidParameterException.class, () -> search.search(wrong));
    assertThrows(InvalidParameterException.class, () -> search.search(wrong.withPage(1, "garbage!")));
  }

  @Test
  void histogramHasEveryPeriodIncludingZeros() {
    Histogram years = search.histogram(SearchRequest.of(""), Histogram.Interval.YEAR);
    assertEquals(List.of("2010", "2011", "2012", "2013", "2014"), years.buckets().stream().map(Histogram.Bucket::period).toList());
    assertEquals(54, years.buckets().stream().mapToLong(Histogram.Bucket::count).sum());
    assertEquals(6, years.undated());
    Histogram months = search.histogram(SearchRequest.of("clouds"), Histogram.Interval.MONTH);
    assertEquals("2010-01", months.buckets().get(0).period());
    assertTrue(months.buckets().stream().anyMatch(b -> b.count() == 0), "zero months present");
    for (int i = 1; i < months.buckets().size(); i++) {
      assertEquals(java.time.YearMonth.parse(months.buckets().get(i - 1).period()).plusMonths(1).toString(),
          months.buckets().get(i).period());
    }
  }

  @Test
  void searchWithTimelineIsTheSearchPlusItsHistogramInOnePass() {
    for (SearchRequest r : List.of(SearchRequest.of(""), SearchRequest.of("clouds"), SearchRequest.of("cloudy OR sunny"),
        new SearchRequest("clouds", "Maria Keller", null, null, null, SearchRequest.Sort.NEWEST, 1, 5),
        new SearchRequest("", null, PartialDate.parse("2011-01"), PartialDate.parse("2011-12"), null, SearchRequest.Sort.OLDEST, 2, 3),
        SearchRequest.of("nosuchwordanywhere"))) {
      SearchWithTimeline both = search.searchWithTimeline(r);
      assertEquals(search.search(r), both.page(), r.toString());
      Histogram years = search.histogram(r, Histogram.Interval.YEAR);
      Histogram expected = years.buckets().size() >= SearchWithTimeline.MIN_YEARS ? years
          : search.histogram(r, Histogram.Interval.MONTH);
      assertEquals(expected, both.timeline(), r.toString());
    }
    assertEquals("month", search.searchWithTimeline(new SearchRequest("", null, PartialDate.parse("2011-01"),
        PartialDate.parse("2011-12"), null, SearchRequest.Sort.NEWEST, 1, 3)).timeline().interval());
  }

  @Test
  void exportWritesAHeaderThenEveryMatch() throws Exception {
    List<ExportHeader> headers = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    SearchRequest r = new SearchRequest("sunny", "Priya Raman", null, null, null, SearchRequest.Sort.OLDEST, 1, 10);
    long written = search.export(r, new ExportSink() {
      @Override public void header(ExportHeader h) { headers.add(h); }
      @Override public void row(Article a) { ids.add(a.id()); }
    });
    assertEquals(1, headers.size());
    assertEquals(search.search(r).total(), headers.get(0).total());
    assertEquals(headers.get(0).total(), written);
    assertEquals(written, ids.size());
    assertEquals("Priya Raman", headers.get(0).filters().get("author"));
    assertTrue(headers.get(0).indexVersion() > 0);
  }

  @Test
  void exportInGrowingBatchesWritesEveryMatchOnceInOrder() throws Exception {
    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      SearchRequest r = new SearchRequest("article", null, null, null, null, sort, 1, 100);
      List<String> expected = search.search(r).hits().stream().map(Hit::id).toList();
      List<String> ids = new ArrayList<>();
      // batches of 2, 4, 7, 7, ...: many boundaries, some of them inside runs of equal dates
      long written = ((LuceneArchiveSearch) search).export(r, new ExportSink() {
        @Override public void header(ExportHeader h) {}
        @Override public void row(Article a) { ids.add(a.id()); }
      }, 2, 7);
      assertEquals(60, written, sort.label());
      assertEquals(expected, ids, sort.label());
    }
  }

  @Test
  void didYouMeanRespellsWordsAndAuthors() {
    SearchPage typo = search.search(SearchRequest.of("clowds"));
    assertEquals(0, typo.total());
    assertEquals("clouds", typo.didYouMean());
    SearchPage author = search.search(req("", "Maria Kellr", null));
    assertEquals(0, author.total());
    assertEquals("author:\"Maria Keller\"", author.didYouMean());
    assertNull(search.search(SearchRequest.of("clouds")).didYouMean());
  }

  @Test
  void suggestsAuthorsAndTitlesAsYouType() {
    List<Suggestion> s = search.suggest("kel", 8);
    assertEquals(new Suggestion("author", "Maria Keller", null), s.get(0));
    List<Suggestion> titles = search.suggest("article 3 abo", 8);
    assertTrue(titles.stream().anyMatch(x -> x.kind().equals("title") && x.text().equals("Article 3 about clouds")), titles.toString());
    assertNotNull(search.suggest("x", 8));
  }
}
