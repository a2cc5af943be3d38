package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory facet tables answer exactly what Lucene's sorted-set facet counts answer, over
 * several segments (each table holds its segment's ordinals, mapped to global ones when counted),
 * deleted articles, articles without some dimensions, and in both layouts (two-byte and four-byte
 * ordinals).
 */
class FacetTableTest {

  private static final String[] WORDS = {"harbour", "ferry", "council", "budget", "school", "river"};
  private static final String[] SECTIONS = {"News", "Sport", "Culture"};

  @TempDir
  Path dir;

  private ArchiveIndex index;

  @BeforeEach
  void open() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      index.put(randomArticle(i, random));
      if (i % 70 == 69) index.refreshNow();   // several segments, so global ordinals differ from each segment's
    }
    for (int i = 0; i < 300; i += 17) index.deleteById("a" + i);
    index.refreshNow();
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private static Article randomArticle(int i, Random random) {
    List<String> authors = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) authors.add("Author " + random.nextInt(25));
    List<String> tags = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) tags.add("tag" + random.nextInt(40));
    String date = random.nextInt(10) == 0 ? null
        : (2000 + random.nextInt(20)) + (random.nextBoolean() ? "-0" + (1 + random.nextInt(9)) : "");
    String body = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " story " + i;
    return new Article("/src/a" + i, "a" + i, "Story " + i, authors, date == null ? null : PartialDate.parse(date),
        random.nextBoolean() ? "The Gazette" : null, random.nextInt(5) == 0 ? null : SECTIONS[random.nextInt(3)],
        tags, null, random.nextBoolean() ? "en" : "de", "", body, "text/html", List.of(), null);
  }

  private List<Query> queries() {
    List<Query> queries = new ArrayList<>(List.of(new MatchAllDocsQuery(),
        new TermQuery(new Term(ArticleSchema.ID, "a1")),
        new TermQuery(new Term(ArticleSchema.BODY, "nothingmatchesthis"))));
    for (String w : WORDS) queries.add(new TermQuery(new Term(ArticleSchema.BODY, w)));
    queries.add(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ArticleSchema.BODY, "harbour")), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(ArticleSchema.BODY, "ferry")), BooleanClause.Occur.MUST).build());
    return queries;
  }

  @Test
  void answersAsLucenesCountsDoInBothLayouts() {
    index.withSearcher(searcher -> {
      SortedSetDocValuesReaderState state =
          new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), ArticleSchema.facetsConfig());
      assertTrue(searcher.getIndexReader().leaves().size() > 1);
      for (boolean narrow : new boolean[] {true, false}) {
        List<FacetTable> tables = tables(searcher, narrow);
        for (Query q : queries()) compare(searcher, state, tables, q);
      }
      return null;
    });
  }

  private static List<FacetTable> tables(IndexSearcher searcher, boolean narrow) throws java.io.IOException {
    List<FacetTable> tables = new ArrayList<>();
    for (var leaf : searcher.getIndexReader().leaves()) {
      tables.add(FacetTable.build(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME, narrow));
    }
    return tables;
  }

  private static void compare(IndexSearcher searcher, SortedSetDocValuesReaderState state, List<FacetTable> tables, Query q)
      throws java.io.IOException {
    FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
    Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
    Facets ours = FacetTable.counts(state, tables, hits);
    for (String dim : ArticleSchema.FACETS) {
      for (int n : new int[] {1, 3, 20, 1000}) {
        assertSame(q + " top " + n + " " + dim, lucene.getTopChildren(n, dim), ours.getTopChildren(n, dim));
      }
      assertSame(q + " all " + dim, lucene.getAllChildren(dim), ours.getAllChildren(dim));
    }
    for (String[] value : new String[][] {{ArticleSchema.FACET_SECTION, "News"},
        {ArticleSchema.FACET_AUTHOR, "Author 3"}, {ArticleSchema.FACET_AUTHOR, "Nobody"}}) {
      assertEquals(lucene.getSpecificValue(value[0], value[1]), ours.getSpecificValue(value[0], value[1]),
          q + " " + String.join("/", value));
    }
    List<FacetResult> luceneDims = lucene.getAllDims(5);
    List<FacetResult> ourDims = ours.getAllDims(5);
    assertEquals(luceneDims.size(), ourDims.size(), q + " dims");
    for (int i = 0; i < luceneDims.size(); i++) assertSame(q + " dims", luceneDims.get(i), ourDims.get(i));
  }

  private static void assertSame(String what, FacetResult expected, FacetResult actual) {
    if (expected == null) {
      assertNull(actual, what);
      return;
    }
    assertNotNull(actual, what);
    assertEquals(expected.toString(), actual.toString(), what);
  }

  /** A search's counts come from the doc values until the tables are built, then from the tables: the same either way. */
  @Test
  void theCounterSwitchesToTheTablesOnceTheyAreBuilt() throws Exception {
    FacetCounter counter = new FacetCounter();
    Query q = new TermQuery(new Term(ArticleSchema.BODY, "harbour"));
    String first = index.withSearcher(searcher -> {
      Facets counts = counter.counts(searcher.getIndexReader(), searcher.search(q, new FacetsCollectorManager()));
      assertTrue(counts instanceof SortedSetDocValuesFacetCounts, counts.getClass().toString());
      return counts.getAllDims(10).toString();
    });
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      Facets counts = index.withSearcher(searcher ->
          counter.counts(searcher.getIndexReader(), searcher.search(q, new FacetsCollectorManager())));
      if (counts instanceof FacetTable.Counts) {
        assertEquals(first, counts.getAllDims(10).toString());
        return;
      }
      assertTrue(System.nanoTime() < deadline, "the tables were never built");
      Thread.sleep(50);
    }
  }

  @Test
  void refusesDimensionsItCannotCount() {
    index.withSearcher(searcher -> {
      SortedSetDocValuesReaderState state =
          new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), ArticleSchema.facetsConfig());
      Facets ours = FacetTable.counts(state, tables(searcher, true),
          searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager()));
      assertThrows(IllegalArgumentException.class, () -> ours.getTopChildren(5, "colour"));
      assertThrows(IllegalArgumentException.class, () -> ours.getTopChildren(5, ArticleSchema.FACET_YEAR, "2001"));
      return null;
    });
  }
}
