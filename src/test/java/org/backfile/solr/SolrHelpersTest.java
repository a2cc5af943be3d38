package org.backfile.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backfile.search.InvalidParameterException;
import org.backfile.search.SearchRequest;
import org.junit.jupiter.api.Test;

class SolrHelpersTest {

  @Test
  void aCursorCarriesSolrsMarkAndBelongsToOneSort() {
    String cursor = SolrCursors.encode(SearchRequest.Sort.NEWEST, "AoJ8abc=");
    assertEquals("AoJ8abc=", SolrCursors.decode(SearchRequest.Sort.NEWEST, cursor));
    assertThrows(InvalidParameterException.class, () -> SolrCursors.decode(SearchRequest.Sort.OLDEST, cursor));
    assertThrows(InvalidParameterException.class, () -> SolrCursors.decode(SearchRequest.Sort.NEWEST, "%%%"));
  }

  @Test
  void aSwapOfTwoLettersIsOneEditAsForTheEmbeddedSpellChecker() {
    assertEquals(1, SolrSpelling.edits("braed", "bread"));
    assertEquals(2, SolrSpelling.edits("braed", "baked"));
    assertEquals(0, SolrSpelling.edits("bee", "bee"));
    assertEquals(3, SolrSpelling.edits("", "bee"));
  }

  @Test
  void sortsEndWithTheIdSoCursorsWork() {
    for (SearchRequest.Sort s : SearchRequest.Sort.values()) {
      assertEquals(true, SolrArchiveSearch.sortFor(s).endsWith(",id asc"), s.label());
    }
  }

  @Test
  void zooKeeperNodeNamesBecomeBaseUrls() {
    assertEquals("http://10.0.0.5:8983/solr", SolrZooKeeper.baseUrl("http", "10.0.0.5:8983_solr").toString());
    assertEquals("https://h:1/a/b", SolrZooKeeper.baseUrl("https", "h:1_a%2Fb").toString());
    assertEquals("http://h:1", SolrZooKeeper.baseUrl("http", "h:1_").toString());
  }
}
