package org.backfile.search;

import static org.backfile.DuplicateArticles.COPY;
import static org.backfile.DuplicateArticles.ORIGINAL;
import static org.backfile.DuplicateArticles.REPRINT;
import static org.backfile.DuplicateArticles.UNRELATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backfile.DuplicateArticles;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A story in three copies shows once in results and in "related", and lists its copies. */
class DuplicateFoldingTest {

  private static final String NEIGHBOUR = "dup0000000000005";

  @TempDir
  Path dir;

  private ArchiveIndex index;
  private ArchiveSearch search;

  @BeforeEach
  void build() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    for (Article a : DuplicateArticles.all()) index.put(a);
    // Another story about the same harbour: related, but not a copy.
    index.put(DuplicateArticles.article("/dup/later.txt", NEIGHBOUR, "New ferry terminal opens on the breakwater",
        "2013-09-10", "Coast Gazette", """
        The new ferry terminal on the southern breakwater opened on Monday, eighteen months after the harbour
        authority voted to close the old terminal on the north quay. The first crossing left at seven in the
        morning with about sixty passengers, most of them pupils of the secondary school. The ferry company
        said its two smaller boats would run every half hour at peak times. The old ticket office with its
        clock tower is to become a museum of the harbour, run by volunteers from the local history society,
        and the timber piers will be taken down over the winter."""));
    index.refreshNow();
    search = new LuceneArchiveSearch(index);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private static SearchRequest query(String q, SearchRequest.Sort sort, int size, String cursor) {
    return new SearchRequest(q, null, null, null, null, null, null, null, null, false, sort, 1, size, cursor);
  }

  private static List<String> ids(SearchPage page) {
    return page.hits().stream().map(Hit::id).toList();
  }

  @Test
  void searchShowsEachGroupOnceAndSaysHowManyCopiesWereFolded() {
    SearchPage page = search.search(SearchRequest.of("hospital"));
    assertEquals(3, page.total());
    assertEquals(2, page.duplicatesFolded());
    assertEquals(1, page.hits().size());
    assertTrue(List.of(ORIGINAL, COPY, REPRINT).contains(page.hits().get(0).id()));
  }

  @Test
  void theEarliestCopyStandsForTheGroupWhenSortedOldestFirst() {
    SearchPage page = search.search(query("ferry", SearchRequest.Sort.OLDEST, 10, null));
    assertEquals(List.of(ORIGINAL, NEIGHBOUR), ids(page));
    assertEquals(4, page.total());
    assertEquals(2, page.duplicatesFolded());
  }

  @Test
  void cursorPagesFoldCopiesOfHitsOnEarlierPages() {
    SearchPage first = search.search(query("ferry", SearchRequest.Sort.OLDEST, 1, null));
    assertEquals(List.of(ORIGINAL), ids(first));
    assertNotNull(first.nextCursor());
    SearchPage second = search.search(query("ferry", SearchRequest.Sort.OLDEST, 1, first.nextCursor()));
    assertEquals(List.of(NEIGHBOUR), ids(second));
    assertNull(second.nextCursor());
  }

  @Test
  void numberedPagesFoldCopiesOfHitsOnEarlierPages() {
    // Newest first: the neighbour (2013), then the newest copy of the story stands for it.
    SearchRequest page2 = new SearchRequest("ferry", null, null, null, null, SearchRequest.Sort.NEWEST, 2, 1);
    assertEquals(List.of(REPRINT), ids(search.search(page2)));
    assertNull(search.search(page2).nextCursor());
  }

  @Test
  void relatedNeverListsTheArticlesOwnCopiesAndShowsEachGroupOnce() {
    List<String> related = search.related(ORIGINAL, 5).orElseThrow().stream().map(RelatedArticle::id).toList();
    assertFalse(related.contains(COPY), related.toString());
    assertFalse(related.contains(REPRINT), related.toString());
    assertEquals(NEIGHBOUR, related.get(0));
    List<String> ofNeighbour = search.related(NEIGHBOUR, 5).orElseThrow().stream().map(RelatedArticle::id).toList();
    assertEquals(1, ofNeighbour.stream().filter(List.of(ORIGINAL, COPY, REPRINT)::contains).count(), ofNeighbour.toString());
  }

  @Test
  void aShortSidebarIsFilledPastCopiesOfOneStory() {
    // The neighbour's best matches are the three copies of one story: a sidebar of two must look
    // past them for a second story (a search for as many hits as the sidebar shows is not enough).
    List<String> five = search.related(NEIGHBOUR, 5).orElseThrow().stream().map(RelatedArticle::id).toList();
    assertTrue(five.size() >= 2, five.toString());
    for (int size = 1; size <= five.size(); size++) {
      assertEquals(five.subList(0, size),
          search.related(NEIGHBOUR, size).orElseThrow().stream().map(RelatedArticle::id).toList());
    }
  }

  @Test
  void theCanonicalCopyListsTheOthersAsAlsoPublishedAs() {
    ArticleView view = search.view(ORIGINAL).orElseThrow();
    assertTrue(view.canonical());
    assertEquals(List.of(COPY, REPRINT), view.alsoPublishedAs().stream().map(ArticleSummary::id).toList());
  }

  @Test
  void aReprintNamesTheCanonicalCopy() {
    ArticleView view = search.view(REPRINT).orElseThrow();
    assertFalse(view.canonical());
    assertEquals(ORIGINAL, view.canonicalId());
    assertEquals(List.of(ORIGINAL, COPY), view.alsoPublishedAs().stream().map(ArticleSummary::id).toList());
  }

  @Test
  void anArticleWithoutCopiesListsNone() {
    ArticleView view = search.view(UNRELATED).orElseThrow();
    assertTrue(view.canonical());
    assertEquals(List.of(), view.alsoPublishedAs());
  }
}
