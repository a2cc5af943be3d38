package org.backfile.solr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Facet API requests and answers. */
final class SolrFacets {

  private SolrFacets() {}

  /**
   * A terms facet, most frequent first, ties by value (as the embedded index orders them).
   *
   * @param limit -1 for every value
   * @param exclude the filter tag to count without (drill-sideways), or null
   */
  static JsonObject terms(String field, int limit, String exclude) {
    JsonObject f = new JsonObject();
    f.addProperty("type", "terms");
    f.addProperty("field", field);
    f.addProperty("limit", limit);
    f.addProperty("mincount", 1);
    f.addProperty("sort", "count desc");
    if (exclude != null) {
      JsonObject domain = new JsonObject();
      domain.addProperty("excludeTags", exclude);
      f.add("domain", domain);
    }
    return f;
  }

  /** value → count of one terms facet of a response, in Solr's order. */
  static Map<String, Long> counts(JsonObject response, String name) {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonObject facets = response.getAsJsonObject("facets");
    if (facets == null || !facets.has(name)) return out;
    for (JsonElement b : facets.getAsJsonObject(name).getAsJsonArray("buckets")) {
      JsonObject bucket = b.getAsJsonObject();
      out.put(bucket.get("val").getAsString(), bucket.get("count").getAsLong());
    }
    return out;
  }

  /** A number the facets computed (a stat such as {@code unique(…)}), 0 when absent. */
  static long stat(JsonObject response, String name) {
    JsonObject facets = response.getAsJsonObject("facets");
    return facets == null || !facets.has(name) ? 0 : facets.get(name).getAsLong();
  }
}
