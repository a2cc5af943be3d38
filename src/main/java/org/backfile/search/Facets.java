package org.backfile.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps facet maps in the order they were built (most frequent first), and unmodifiable. */
final class Facets {

  private Facets() {}

  static Map<String, Map<String, Long>> ordered(Map<String, Map<String, Long>> facets) {
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    facets.forEach((dim, counts) -> copy.put(dim, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    return Collections.unmodifiableMap(copy);
  }
}
