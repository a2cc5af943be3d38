package org.backfile.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page's meta tags by lower-cased name, property, itemprop or http-equiv; first value wins. */
record MetaTags(Map<String, List<String>> values) {

  static MetaTags of(Document doc) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Element el : doc.select(Css.of("meta[content]"))) {
      for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String k = el.attr(key).strip().toLowerCase(Locale.ROOT);
        if (!k.isEmpty()) {
          String v = el.attr("content").strip();
          if (!v.isEmpty()) {
            values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
          }
        }
      }
    }
    return new MetaTags(values);
  }

  String get(String key) {
    List<String> v = values.get(key);
    return v == null ? null : v.get(0);
  }

  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }
}
