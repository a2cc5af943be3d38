package org.backfile.search;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.backfile.index.ArticleSchema;

/** Turns year or month facet counts into a gap-free series of buckets. */
final class HistogramBuilder {

  private HistogramBuilder() {}

  static Histogram build(Histogram.Interval interval, long total, Facets counts) throws IOException {
    long undated = 0;
    long dated = 0;
    for (LabelAndValue lv : FacetCounter.top(counts, ArticleSchema.FACET_YEAR, Integer.MAX_VALUE)) {
      if (lv.label.equals(ArticleSchema.UNDATED)) undated = lv.value.longValue();
      else dated += lv.value.longValue();
    }
    String dim = interval == Histogram.Interval.YEAR ? ArticleSchema.FACET_YEAR : ArticleSchema.FACET_MONTH;
    TreeMap<String, Long> present = new TreeMap<>();
    for (LabelAndValue lv : FacetCounter.top(counts, dim, Integer.MAX_VALUE)) {
      if (!lv.label.equals(ArticleSchema.UNDATED)) present.put(lv.label, lv.value.longValue());
    }
    long inBuckets = present.values().stream().mapToLong(Long::longValue).sum();
    List<Histogram.Bucket> buckets = new ArrayList<>();
    if (!present.isEmpty()) {
      if (interval == Histogram.Interval.YEAR) {
        for (int y = Integer.parseInt(present.firstKey()); y <= Integer.parseInt(present.lastKey()); y++) {
          String key = String.format(java.util.Locale.ROOT, "%04d", y);
          buckets.add(new Histogram.Bucket(key, present.getOrDefault(key, 0L)));
        }
      } else {
        YearMonth last = YearMonth.parse(present.lastKey());
        for (YearMonth m = YearMonth.parse(present.firstKey()); !m.isAfter(last); m = m.plusMonths(1)) {
          buckets.add(new Histogram.Bucket(m.toString(), present.getOrDefault(m.toString(), 0L)));
        }
      }
    }
    return new Histogram(interval.name().toLowerCase(java.util.Locale.ROOT), total, buckets, undated,
        dated - inBuckets);
  }
}
