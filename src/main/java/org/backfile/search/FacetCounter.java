package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.backfile.index.ArticleSchema;

/**
 * Facet counts from sorted-set doc values. The ordinal map behind them is built once per index
 * reader (it changes only when the index does) and shared by every request on that reader; so are
 * the counts over every article and their sorted value lists, which the sidebar of every page,
 * the archive and the author list read (counting a million articles per page view was a quarter
 * of the server's CPU in bench-serve's profile). A search's matches are counted from each
 * segment's {@link FacetTable} once it is built, from the doc values until then.
 */
final class FacetCounter {

  private record Cached(IndexReader reader, SortedSetDocValuesReaderState state,
      AtomicReference<Facets> all, Map<String, List<LabelAndValue>> allValues) {

    Cached(IndexReader reader, SortedSetDocValuesReaderState state) {
      this(reader, state, new AtomicReference<>(), new ConcurrentHashMap<>());
    }
  }

  private volatile Cached cached;
  private final String field;
  private final SegmentTables<FacetTable> tables;

  /** Counts the reader facets. */
  FacetCounter() {
    this(org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
  }

  /** Counts the dimensions kept in another doc-values field (see {@code FacetsConfig#setIndexFieldName}). */
  FacetCounter(String field) {
    this.field = field;
    this.tables = new SegmentTables<>(segment -> FacetTable.build(segment, field));
  }

  /**
   * Counts over the matches a collector saw; or over every article when {@code hits} is null
   * (computed once per reader: the counts are only read afterwards, so requests share them).
   */
  Facets counts(IndexReader reader, FacetsCollector hits) throws IOException {
    SortedSetDocValuesReaderState state = state(reader);
    if (state == null) return null;
    if (hits != null) {
      List<FacetTable> segments = tables.ifReady(reader);
      return segments != null ? FacetTable.counts(state, segments, hits) : new SortedSetDocValuesFacetCounts(state, hits);
    }
    Cached c = cached;
    if (c == null || c.state != state) return new SortedSetDocValuesFacetCounts(state);
    Facets all = c.all.get();
    if (all == null) {
      all = new SortedSetDocValuesFacetCounts(state);
      if (!c.all.compareAndSet(null, all)) all = c.all.get();
    }
    return all;
  }

  /** Every value of a dimension over every article, most frequent first; cached per reader. */
  List<LabelAndValue> allValues(IndexReader reader, String dim) throws IOException {
    Facets all = counts(reader, null);
    Cached c = cached;
    if (all == null || c == null || c.reader != reader) return top(all, dim, Integer.MAX_VALUE);
    List<LabelAndValue> values = c.allValues.get(dim);
    if (values == null) {
      values = List.copyOf(top(all, dim, Integer.MAX_VALUE));
      c.allValues.put(dim, values);
    }
    return values;
  }

  /** Builds the ordinal map now (and the counts over every article), e.g. right after the index opens. */
  void warm(IndexReader reader, boolean countAll) throws IOException {
    if (countAll) counts(reader, null);
    else state(reader);
  }

  /** Builds the tables the counts of matches come from, for the segments that have none yet. */
  void warmTable(IndexReader reader) throws IOException {
    if (state(reader) != null) tables.warm(reader);
  }

  /** The top values of a dimension, most frequent first; empty when nothing has that dimension. */
  static List<LabelAndValue> top(Facets facets, String dim, int n) throws IOException {
    if (facets == null) return List.of();
    try {
      FacetResult result = n == Integer.MAX_VALUE ? facets.getAllChildren(dim) : facets.getTopChildren(n, dim);
      if (result == null) return List.of();
      List<LabelAndValue> values = new ArrayList<>(List.of(result.labelValues));
      if (n == Integer.MAX_VALUE) {
        values.sort((a, b) -> {
          int c = Long.compare(b.value.longValue(), a.value.longValue());
          return c != 0 ? c : a.label.compareTo(b.label);
        });
      }
      return values;
    } catch (IllegalArgumentException e) {
      return List.of(); // the dimension was never indexed
    }
  }

  static Map<String, Long> asMap(List<LabelAndValue> values) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (LabelAndValue lv : values) map.put(lv.label, lv.value.longValue());
    return map;
  }

  private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    Cached c = cached;
    if (c != null && c.reader == reader) return c.state;
    // One build per reader: the warming thread and the first search would otherwise both build it.
    synchronized (this) {
      c = cached;
      if (c != null && c.reader == reader) return c.state;
      return build(reader);
    }
  }

  private SortedSetDocValuesReaderState build(IndexReader reader) throws IOException {
    if (reader.maxDoc() == 0) return null;
    try {
      SortedSetDocValuesReaderState state =
          new DefaultSortedSetDocValuesReaderState(reader, field, ArticleSchema.facetsConfig());
      cached = new Cached(reader, state);
      return state;
    } catch (IllegalArgumentException e) {
      return null; // no article carries any facet yet
    }
  }
}
