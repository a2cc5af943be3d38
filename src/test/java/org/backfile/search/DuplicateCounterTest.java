package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.backfile.DuplicateArticles;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways of counting folded copies, by the per-reader table and by group names (used until
 * the table is built), agree, also when a group's copies sit in different segments.
 */
class DuplicateCounterTest {

  @TempDir
  Path dir;

  private ArchiveIndex index;

  @BeforeEach
  void open() throws Exception {
    index = ArchiveIndex.openWritable(dir);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  /** Each article in a segment of its own: copies meet only across segments. */
  private void putEachInItsOwnSegment() throws Exception {
    for (var a : DuplicateArticles.all()) {
      index.put(a);
      index.refreshNow();
    }
  }

  private long[] bothCounts(Query query) {
    return index.withSearcher(searcher -> {
      assertTrue(searcher.getIndexReader().leaves().size() > 1 || query instanceof TermQuery);
      FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
      return new long[] {DuplicateCounter.foldedByTable(searcher.getIndexReader(), hits),
          DuplicateCounter.foldedByGroupNames(hits)};
    });
  }

  @Test
  void bothWaysFoldTheCopiesOfAStorySpreadOverSegments() throws Exception {
    putEachInItsOwnSegment();
    // original, copy and reprint are one group; the unrelated story is alone
    long[] all = bothCounts(new MatchAllDocsQuery());
    assertEquals(2, all[0]);
    assertEquals(2, all[1]);
    long[] onePaper = bothCounts(new TermQuery(new Term(ArticleSchema.ID, DuplicateArticles.COPY)));
    assertEquals(0, onePaper[0]);
    assertEquals(0, onePaper[1]);
  }

  @Test
  void aDeletedCopyIsNoLongerFolded() throws Exception {
    putEachInItsOwnSegment();
    index.deleteById(DuplicateArticles.COPY);
    index.refreshNow();
    long[] all = bothCounts(new MatchAllDocsQuery());
    assertEquals(1, all[0]);
    assertEquals(1, all[1]);
  }

  @Test
  void theCounterGivesTheSameAnswerBeforeAndAfterItsTableIsBuilt() throws Exception {
    putEachInItsOwnSegment();
    DuplicateCounter counter = new DuplicateCounter();
    index.withSearcher(searcher -> {
      FacetsCollector hits = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
      assertEquals(2, counter.folded(searcher.getIndexReader(), hits));   // table not built yet
      counter.warm(searcher.getIndexReader());
      assertEquals(2, counter.folded(searcher.getIndexReader(), hits));
      return null;
    });
  }

  /** Forty words drawn for the story alone (fingerprints need twenty): different stories share few shingles. */
  private static String storyBody(int story) {
    String[] words = {"harbour", "ferry", "council", "budget", "school", "river", "bridge", "market", "station",
        "festival", "museum", "library", "garden", "tower", "canal", "orchard", "quarry", "chapel", "mill", "lighthouse",
        "tram", "pier", "meadow", "forge", "brewery", "theatre", "stadium", "hospital", "airport", "village"};
    java.util.Random random = new java.util.Random(story);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 40; i++) body.append(words[random.nextInt(words.length)]).append(i % 8 == 7 ? ". " : " ");
    return body.toString();
  }

  /** More matches than one lookup batch holds, copies on both sides of the batch boundaries. */
  @Test
  void bothWaysAgreeOverManyMatches() throws Exception {
    for (int i = 0; i < 700; i++) {
      int story = i % 350;   // each story twice, the copies far apart
      index.put(new org.backfile.ingest.Article("/src/m" + i, "m" + i, "Story " + story, java.util.List.of(), null,
          null, null, java.util.List.of(), null, "en", "", storyBody(story), "text/plain", java.util.List.of(), null));
      if (i % 100 == 99) index.refreshNow();   // several segments: copies 350 apart sit in different ones
    }
    long[] all = bothCounts(new MatchAllDocsQuery());
    assertEquals(350, all[0]);
    assertEquals(350, all[1]);
  }
}
