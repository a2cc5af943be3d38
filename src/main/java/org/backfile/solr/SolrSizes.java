package org.backfile.solr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How much disk a collection takes: every replica's index, from each node's core status. */
final class SolrSizes {

  private final SolrCollection solr;

  SolrSizes(SolrCollection solr) {
    this.solr = solr;
  }

  long indexBytes() {
    long total = 0;
    for (URI node : replicaNodes()) {
      JsonObject cores;
      try {
        // The core admin's status, not the metrics API: that one may be switched off.
        cores = new SolrConnection(List.of(node), 1).get("/admin/cores",
            SolrParams.of("action", "STATUS", "wt", "json").list()).getAsJsonObject("status");
      } catch (SolrException down) {
        continue; // a node that is down holds nothing we can count now
      }
      if (cores == null) continue;
      for (Map.Entry<String, JsonElement> core : cores.entrySet()) {
        JsonObject c = core.getValue().getAsJsonObject();
        JsonObject cloud = c.getAsJsonObject("cloud");
        if (cloud == null || !solr.name().equals(cloud.get("collection").getAsString())) continue;
        JsonElement size = c.getAsJsonObject("index").get("sizeInBytes");
        if (size != null) total += size.getAsLong();
      }
    }
    return total;
  }

  /** The base URLs of the nodes that hold a replica of the collection. */
  private Set<URI> replicaNodes() {
    Set<URI> out = new LinkedHashSet<>();
    JsonObject status = solr.connection().get("/admin/collections",
        SolrParams.of("action", "CLUSTERSTATUS", "collection", solr.name(), "wt", "json").list());
    JsonObject shards = status.getAsJsonObject("cluster").getAsJsonObject("collections")
        .getAsJsonObject(solr.name()).getAsJsonObject("shards");
    for (Map.Entry<String, JsonElement> shard : shards.entrySet()) {
      JsonObject replicas = shard.getValue().getAsJsonObject().getAsJsonObject("replicas");
      for (Map.Entry<String, JsonElement> replica : replicas.entrySet()) {
        JsonElement base = replica.getValue().getAsJsonObject().get("base_url");
        if (base != null) out.add(URI.create(base.getAsString()));
      }
    }
    return out;
  }
}
