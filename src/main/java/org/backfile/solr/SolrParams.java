package org.backfile.solr;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request parameters in order, repeatable (several {@code fq}). */
final class SolrParams {

  private final List<Map.Entry<String, String>> list = new ArrayList<>();

  static SolrParams of(String... keyValues) {
    SolrParams p = new SolrParams();
    for (int i = 0; i < keyValues.length; i += 2) p.add(keyValues[i], keyValues[i + 1]);
    return p;
  }

  SolrParams add(String key, String value) {
    list.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
    return this;
  }

  List<Map.Entry<String, String>> list() {
    return List.copyOf(list);
  }
}
