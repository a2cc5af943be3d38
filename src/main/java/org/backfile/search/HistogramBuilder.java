package org.backfile.search;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.Facets;
import org.backfile.index.ArticleSchema;

/** Turns year or month facet counts into a gap-free series of buckets. */
public final class HistogramBuilder {

  private HistogramBuilder() {}

  static Histogram build(Histogram.Interval interval, long total, Facets counts) throws IOException {
    return fromCounts(interval, total,
        FacetCounter.asMap(FacetCounter.top(counts, ArticleSchema.FACET_YEAR, Integer.MAX_VALUE)),
        FacetCounter.asMap(FacetCounter.top(counts, ArticleSchema.FACET_MONTH, Integer.MAX_VALUE)));
  }

  /**
   * The histogram from counts per year facet value ({@code "2012"}, or {@code "undated"}) and per
   * month facet value ({@code "2012-04"}), however a backend counted them.
   */
  public static Histogram fromCounts(Histogram.Interval interval, long total, Map<String, Long> years,
      Map<String, Long> months) {
    long undated = 0;
    long dated = 0;
    for (Map.Entry<String, Long> e : years.entrySet()) {
      if (e.getKey().equals(ArticleSchema.UNDATED)) undated = e.getValue();
      else dated += e.getValue();
    }
    TreeMap<String, Long> present = new TreeMap<>();
    (interval == Histogram.Interval.YEAR ? years : months).forEach((label, count) -> {
      if (!label.equals(ArticleSchema.UNDATED)) present.put(label, count);
    });
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
