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
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongHeap;

/**
 * Every article's facet ordinals in two arrays, so that counting a search's matches reads memory
 * instead of decoding doc values: walking each match's ordinals in the doc values was a fifth of a
 * search at a million articles. The ordinals are the reader state's global ones (one counting
 * array serves every segment); two bytes each while the index holds at most 65,536 facet values
 * over all dimensions, else four. About 20 MB at a million articles with nine values each.
 */
final class FacetTable {

  private static final int BATCH = 256;

  private final SortedSetDocValuesReaderState state;
  /** Per top-level document, where its ordinals start; one more entry closes the last one. */
  private final int[] starts;
  private final char[] narrow;
  private final int[] wide;

  private FacetTable(SortedSetDocValuesReaderState state, int[] starts, char[] narrow, int[] wide) {
    this.state = state;
    this.starts = starts;
    this.narrow = narrow;
    this.wide = wide;
  }

  static FacetTable build(SortedSetDocValuesReaderState state) throws IOException {
    return build(state, state.getSize() <= Character.MAX_VALUE + 1);
  }

  /** With the layout chosen by the caller, so that a test can check the four-byte one on a small index. */
  static FacetTable build(SortedSetDocValuesReaderState state, boolean narrowOrdinals) throws IOException {
    int maxDoc = state.getReader().maxDoc();
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 4)];
    int n = 0;
    SortedSetDocValues values = state.getDocValues();   // global ordinals, by top-level document
    for (int doc = 0; doc < maxDoc; doc++) {
      starts[doc] = n;
      if (!values.advanceExact(doc)) continue;
      int count = values.docValueCount();
      if (n + count > ords.length) ords = ArrayUtil.grow(ords, n + count);
      for (int i = 0; i < count; i++) ords[n++] = (int) values.nextOrd();
    }
    starts[maxDoc] = n;
    if (!narrowOrdinals) return new FacetTable(state, starts, null, Arrays.copyOf(ords, n));
    char[] narrow = new char[n];
    for (int i = 0; i < n; i++) narrow[i] = (char) ords[i];
    return new FacetTable(state, starts, narrow, null);
  }

  /** The counts of every facet value over the matches a collector saw. */
  Facets counts(FacetsCollector hits) throws IOException {
    int[] counts = new int[state.getSize()];
    boolean anyMatch = false;
    int[] batch = new int[BATCH];
    int[] from = new int[BATCH];
    int[] to = new int[BATCH];
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) continue;
      anyMatch = true;
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) continue;
      int base = md.context().docBase;
      int n = 0;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        batch[n++] = base + doc;
        if (n == BATCH) {
          count(batch, n, from, to, counts);
          n = 0;
        }
      }
      count(batch, n, from, to, counts);
    }
    return new Counts(state, anyMatch ? counts : null);
  }

  /**
   * Counts a batch of matches in two sweeps. Matches are scattered over the arrays, so nearly every
   * read misses the CPU caches; reading all the batch's bounds first lets those misses overlap
   * instead of each waiting for the one before (one match at a time, counting took twice as long).
   */
  private void count(int[] docs, int n, int[] from, int[] to, int[] counts) {
    for (int i = 0; i < n; i++) {
      from[i] = starts[docs[i]];
      to[i] = starts[docs[i] + 1];
    }
    if (narrow != null) {
      for (int i = 0; i < n; i++) {
        for (int k = from[i]; k < to[i]; k++) counts[narrow[k]]++;
      }
    } else {
      for (int i = 0; i < n; i++) {
        for (int k = from[i]; k < to[i]; k++) counts[wide[k]]++;
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
