package org.backfile.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with facet counts over all matches. Each facet dimension that the request
 * filters on is counted as if that one filter were off (drill-sideways), so a reader sees the
 * other values they could switch to.
 *
 * @param facets dimension → (value → count), most frequent first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param total every matching article, copies included
 * @param didYouMean a respelt query that finds more, or null
 * @param duplicatesFolded matches left out of the hits because a better-ranked copy (same
 *     duplicate group) stands for them: {@code total - duplicatesFolded} distinct results
 */
public record SearchPage(String query, long total, int page, int size, List<Hit> hits,
    Map<String, Map<String, Long>> facets, String nextCursor, String didYouMean,
    long duplicatesFolded) {

  public SearchPage {
    hits = List.copyOf(hits);
    facets = Facets.ordered(facets);
  }

  /** A page with nothing folded. */
  public SearchPage(String query, long total, int page, int size, List<Hit> hits,
      Map<String, Map<String, Long>> facets, String nextCursor, String didYouMean) {
    this(query, total, page, size, hits, facets, nextCursor, didYouMean, 0);
  }
}
