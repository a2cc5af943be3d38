package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.LongValues;

/**
 * One segment's facet ordinals in two arrays, so that counting a search's matches reads memory
 * instead of decoding doc values: walking each match's ordinals in the doc values was a fifth of a
 * search at a million articles, and this takes 0.6 of that. A segment never changes, so its table
 * is worked out once and kept while the segment lives (see {@link SegmentTables}): a reader that a
 * write reopened shares the tables of every segment it kept. Two bytes per ordinal while the segment
 * holds at most 65,536 facet values over all dimensions, else four; about 22 MB at a million
 * articles with nine values each.
 */
final class FacetTable {

  private static final int BATCH = 256;

  /** Per document, where its ordinals start; one more entry closes the last one. */
  private final int[] starts;
  private final char[] narrow;
  private final int[] wide;
  private final int valueCount;

  private FacetTable(int[] starts, char[] narrow, int[] wide, int valueCount) {
    this.starts = starts;
    this.narrow = narrow;
    this.wide = wide;
    this.valueCount = valueCount;
  }

  /** The table of one segment's values of a sorted-set doc-values field. */
  static FacetTable build(LeafReader segment, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(segment, field);
    return build(values, segment.maxDoc(), values.getValueCount() <= Character.MAX_VALUE + 1);
  }

  /** With the layout chosen by the caller, so that a test can check the four-byte one on a small index. */
  static FacetTable build(LeafReader segment, String field, boolean narrowOrdinals) throws IOException {
    return build(DocValues.getSortedSet(segment, field), segment.maxDoc(), narrowOrdinals);
  }

  private static FacetTable build(SortedSetDocValues values, int maxDoc, boolean narrowOrdinals) throws IOException {
    int valueCount = (int) values.getValueCount();
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 4)];
    int n = 0;
    for (int doc = 0; doc < maxDoc; doc++) {
      starts[doc] = n;
      if (!values.advanceExact(doc)) continue;
      int count = values.docValueCount();
      if (n + count > ords.length) ords = ArrayUtil.grow(ords, n + count);
      for (int i = 0; i < count; i++) ords[n++] = (int) values.nextOrd();
    }
    starts[maxDoc] = n;
    if (!narrowOrdinals) return new FacetTable(starts, null, Arrays.copyOf(ords, n), valueCount);
    char[] narrow = new char[n];
    for (int i = 0; i < n; i++) narrow[i] = (char) ords[i];
    return new FacetTable(starts, narrow, null, valueCount);
  }

  /**
   * The counts of every facet value over the matches a collector saw, by the global ordinals of
   * {@code state}; {@code segments} holds the table of each of its reader's segments, by leaf ord.
   */
  static Facets counts(SortedSetDocValuesReaderState state, List<FacetTable> segments, FacetsCollector hits)
      throws IOException {
    int[] counts = new int[state.getSize()];
    boolean anyMatch = false;
    OrdinalMap toGlobal = state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
        ? multi.mapping : null;   // one segment: its ordinals are the global ones
    Batch batch = new Batch();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) continue;
      anyMatch = true;
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) continue;
      FacetTable table = segments.get(md.context().ord);
      if (toGlobal == null) {
        table.count(it, counts, batch);
        continue;
      }
      int[] own = new int[table.valueCount];
      table.count(it, own, batch);
      LongValues global = toGlobal.getGlobalOrds(md.context().ord);
      for (int ord = 0; ord < own.length; ord++) {
        if (own[ord] != 0) counts[(int) global.get(ord)] += own[ord];
      }
    }
    return new Counts(state, anyMatch ? counts : null);
  }

  /** Buffers reused across a search's segments. */
  private static final class Batch {
    final int[] docs = new int[BATCH];
    final int[] from = new int[BATCH];
    final int[] to = new int[BATCH];
  }

  private void count(DocIdSetIterator it, int[] counts, Batch batch) throws IOException {
    int n = 0;
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      batch.docs[n++] = doc;
      if (n == BATCH) {
        count(batch, n, counts);
        n = 0;
      }
    }
    count(batch, n, counts);
  }

  /**
   * Counts a batch of matches in two sweeps. Matches are scattered over the arrays, so nearly every
   * read misses the CPU caches; reading all the batch's bounds first lets those misses overlap
   * instead of each waiting for the one before.
   */
  private void count(Batch batch, int n, int[] counts) {
    for (int i = 0; i < n; i++) {
      batch.from[i] = starts[batch.docs[i]];
      batch.to[i] = starts[batch.docs[i] + 1];
    }
    if (narrow != null) {
      for (int i = 0; i < n; i++) {
        for (int k = batch.from[i]; k < batch.to[i]; k++) counts[narrow[k]]++;
      }
    } else {
      for (int i = 0; i < n; i++) {
        for (int k = batch.from[i]; k < batch.to[i]; k++) counts[wide[k]]++;
      }
    }
  }

  /**
   * Counts per global ordinal, read as Lucene's sorted-set facet counts are: top children by count
   * (ties in label order), all children in label order, a multi-valued dimension's own value -1.
   */
  static final class Counts extends Facets {
    private final SortedSetDocValuesReaderState state;
    /** Null when nothing matched: Lucene then answers null for every dimension. */
    private final int[] counts;
    private SortedSetDocValues labels;

    Counts(SortedSetDocValuesReaderState state, int[] counts) {
      this.state = state;
      this.counts = counts;
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
      validateTopN(topN);
      SortedSetDocValuesReaderState.OrdRange range = range(dim, path);
      if (counts == null) return null;
      LongHeap best = new LongHeap(Math.min(topN, range.end() - range.start() + 1));
      int children = 0;
      long sum = 0;
      for (int ord = range.start(); ord <= range.end(); ord++) {
        int count = counts[ord];
        if (count == 0) continue;
        children++;
        sum += count;
        // Higher counts first, then lower ordinals (labels sort as ordinals do).
        long key = ((long) count << 32) | (Integer.MAX_VALUE - ord);
        best.insertWithOverflow(key);
      }
      if (children == 0) return null;
      LabelAndValue[] top = new LabelAndValue[best.size()];
      for (int i = top.length - 1; i >= 0; i--) {
        long key = best.pop();
        int ord = Integer.MAX_VALUE - (int) key;
        top[i] = new LabelAndValue(label(ord), (int) (key >>> 32));
      }
      return new FacetResult(dim, path, dimValue(dim, sum), top, children);
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) throws IOException {
      SortedSetDocValuesReaderState.OrdRange range = range(dim, path);
      if (counts == null) return null;
      List<LabelAndValue> all = new ArrayList<>();
      long sum = 0;
      for (int ord = range.start(); ord <= range.end(); ord++) {
        if (counts[ord] == 0) continue;
        sum += counts[ord];
        all.add(new LabelAndValue(label(ord), counts[ord]));
      }
      // Unlike the top children, Lucene answers "all children" of a dimension without matches with an empty result.
      return new FacetResult(dim, path, dimValue(dim, sum), all.toArray(LabelAndValue[]::new), all.size());
    }

    @Override
    public Number getSpecificValue(String dim, String... path) throws IOException {
      if (path.length != 1) throw new IllegalArgumentException("path must be length=1");
      long ord = docValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
      return ord < 0 ? -1 : counts == null ? 0 : counts[(int) ord];
    }

    @Override
    public List<FacetResult> getAllDims(int topN) throws IOException {
      validateTopN(topN);
      List<FacetResult> out = new ArrayList<>();
      for (String dim : state.getDims()) {
        FacetResult r = getTopChildren(topN, dim);
        if (r != null) out.add(r);
      }
      // As Lucene orders dimensions: by their value, then by name.
      out.sort((a, b) -> {
        int c = Double.compare(b.value.doubleValue(), a.value.doubleValue());
        return c != 0 ? c : a.dim.compareTo(b.dim);
      });
      return out;
    }

    private SortedSetDocValuesReaderState.OrdRange range(String dim, String... path) {
      if (path.length > 0) throw new IllegalArgumentException("dimension \"" + dim + "\" is flat: no path below it");
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
      if (range == null) throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
      return range;
    }

    /** A multi-valued dimension's matches cannot be summed from its values' counts: -1, as Lucene says. */
    private Number dimValue(String dim, long sum) {
      FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
      return config.multiValued && !config.requireDimCount ? -1 : (int) sum;
    }

    private String label(int ord) throws IOException {
      String[] path = FacetsConfig.stringToPath(docValues().lookupOrd(ord).utf8ToString());
      return path[path.length - 1];
    }

    /** One doc-values instance per answer: they are not safe to share between threads. */
    private SortedSetDocValues docValues() throws IOException {
      if (labels == null) labels = state.getDocValues();
      return labels;
    }
  }
}
