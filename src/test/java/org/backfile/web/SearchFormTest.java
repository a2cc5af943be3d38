package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backfile.ingest.PartialDate;
import org.backfile.search.SearchRequest;
import org.backfile.search.SearchRequest.Sort;
import org.junit.jupiter.api.Test;

class SearchFormTest {

  private static SearchForm form(String q, String author, String year, String publication, Sort sort, int page) {
    PartialDate y = year == null ? null : PartialDate.parse(year);
    return new SearchForm(q, author, null, publication, null, y, y, sort, page);
  }

  @Test
  void addingAFacetKeepsTheOtherFiltersAndResetsThePage() {
    SearchForm f = form("bees", "Maria Keller", null, null, Sort.NEWEST, 3);
    assertEquals("/search?q=bees&author=Maria%20Keller&from=2013&to=2013&sort=newest", f.facetUrl("year", "2013"));
  }

  @Test
  void everyActiveFilterIsAChipWhoseLinkRemovesOnlyIt() {
    SearchForm f = form("bees", "Maria Keller", "2013", "The Civic Ledger", Sort.RELEVANCE, 2);
    List<SearchForm.Chip> chips = f.chips();
    assertEquals(List.of("Author", "Year", "Publication"), chips.stream().map(SearchForm.Chip::label).toList());
    assertEquals("/search?q=bees&publication=The%20Civic%20Ledger&from=2013&to=2013", chips.get(0).removeUrl());
    assertEquals("/search?q=bees&author=Maria%20Keller&publication=The%20Civic%20Ledger", chips.get(1).removeUrl());
    assertEquals("/search?q=bees&author=Maria%20Keller&from=2013&to=2013", chips.get(2).removeUrl());
  }

  @Test
  void aRangeThatIsNotOneYearShowsItsEndsAsSeparateChips() {
    SearchForm f = new SearchForm("", null, null, null, null, PartialDate.parse("2012-04"), null, Sort.RELEVANCE, 1);
    assertNull(f.year());
    assertEquals("From", f.chips().get(0).label());
    assertEquals("/search?q=", f.chips().get(0).removeUrl());
  }

  @Test
  void publicationLanguageAndFormatAreRealFilters() {
    SearchForm f = new SearchForm("bread OR rye", null, null, "The \"Ledger\"", "en", null, null, Sort.RELEVANCE, 1);
    SearchRequest r = f.toRequest(10);
    assertEquals("bread OR rye", r.query());
    assertEquals("The \"Ledger\"", r.publication());
    assertEquals("en", r.language());
    assertEquals("/search?q=&type=text%2Fhtml", form("", null, null, null, Sort.RELEVANCE, 1).facetUrl("format", "text/html"));
  }

  @Test
  void undatedIsAFilterNotAYear() {
    SearchForm f = form("", null, null, null, Sort.RELEVANCE, 1);
    assertEquals("/search?q=&undated=true", f.facetUrl("year", "undated"));
  }

  @Test
  void exportAndFeedLinksCarryTheWholeQuery() {
    SearchForm f = form("bees", null, "2013", "Gazette", Sort.OLDEST, 4);
    assertEquals("/api/export?q=bees&publication=Gazette&from=2013&to=2013&sort=oldest&format=csv",
        f.exportUrl("csv"));
    assertEquals("/feed.xml?q=bees&publication=Gazette&from=2013&to=2013&sort=oldest", f.feedUrl());
  }

  @Test
  void sortAndPageLinksKeepTheFilters() {
    SearchForm f = form("bees", "Ann", null, null, Sort.NEWEST, 2);
    assertEquals("/search?q=bees&author=Ann", f.sortUrl(Sort.RELEVANCE));
    assertEquals("/search?q=bees&author=Ann&sort=newest&page=3", f.pageUrl(3));
    assertEquals("/search?q=bees&author=Ann&sort=newest", f.pageUrl(1));
  }
}
