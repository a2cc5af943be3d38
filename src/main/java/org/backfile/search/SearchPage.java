package org.backfile.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with facet counts over all matches.
 *
 * @param facets dimension → (value → count), most frequent first
 */
public record SearchPage(String query, long total, int page, int size, List<Hit> hits,
    Map<String, Map<String, Long>> facets) {

  public SearchPage {
    hits = List.copyOf(hits);
    facets = Facets.ordered(facets);
  }
}
