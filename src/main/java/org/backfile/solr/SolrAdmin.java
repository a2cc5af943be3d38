package org.backfile.solr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Sets a collection up: uploads Backfile's configset (schema.xml and solrconfig.xml, shipped in the
 * jar) under the collection's name and creates the collection with it.
 */
public final class SolrAdmin {

  static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");
  private static final String CONFIG_RESOURCES = "/org/backfile/solr/configset/";

  private final SolrCollection solr;

  public SolrAdmin(SolrCollection solr) {
    this.solr = solr;
  }

  /** What {@link #init} did. */
  public record Created(String collection, int shards, int replicas, boolean configsetReplaced) {}

  /**
   * Uploads the configset (replacing one of the same name) and creates the collection.
   *
   * @throws IllegalArgumentException when the collection exists already
   */
  public Created init(int shards, int replicas) {
    if (shards < 1 || shards > 1024) throw new IllegalArgumentException("--shards must be 1..1024, got " + shards);
    if (replicas < 1 || replicas > 16) throw new IllegalArgumentException("--replicas must be 1..16, got " + replicas);
    if (exists()) {
      throw new IllegalArgumentException("collection '" + solr.name() + "' exists already; pick another --collection"
          + " or delete it first (Solr's Collections API, action=DELETE)");
    }
    boolean replaced = configsetExists();
    solr.connection().post("/admin/configs", SolrParams.of("action", "UPLOAD", "name", solr.name(),
        "overwrite", "true", "cleanup", "true", "wt", "json").list(), "application/octet-stream", configsetZip());
    solr.connection().get("/admin/collections", SolrParams.of("action", "CREATE", "name", solr.name(),
        "numShards", Integer.toString(shards), "replicationFactor", Integer.toString(replicas),
        "collection.configName", solr.name(), "waitForFinalState", "true", "wt", "json").list());
    return new Created(solr.name(), shards, replicas, replaced);
  }

  /** Whether the collection exists. */
  public boolean exists() {
    JsonObject r = solr.connection().get("/admin/collections", SolrParams.of("action", "LIST", "wt", "json").list());
    for (JsonElement c : r.getAsJsonArray("collections")) {
      if (c.getAsString().equals(solr.name())) return true;
    }
    return false;
  }

  private boolean configsetExists() {
    JsonObject r = solr.connection().get("/admin/configs", SolrParams.of("action", "LIST", "wt", "json").list());
    for (JsonElement c : r.getAsJsonArray("configSets")) {
      if (c.getAsString().equals(solr.name())) return true;
    }
    return false;
  }

  /** The configset as the zip the Configset API takes. */
  static byte[] configsetZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String file : CONFIG_FILES) {
        zip.putNextEntry(new ZipEntry(file));
        zip.write(configFile(file));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] configFile(String name) {
    try (InputStream in = SolrAdmin.class.getResourceAsStream(CONFIG_RESOURCES + name)) {
      if (in == null) throw new IllegalStateException("the jar lacks the Solr configset file " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replicas per shard that are active on a live node, by shard name (for checks after a node loss). */
  public Map<String, Integer> activeReplicas() {
    JsonObject status = solr.connection().get("/admin/collections",
        SolrParams.of("action", "CLUSTERSTATUS", "collection", solr.name(), "wt", "json").list());
    JsonObject shards = status.getAsJsonObject("cluster").getAsJsonObject("collections")
        .getAsJsonObject(solr.name()).getAsJsonObject("shards");
    java.util.Set<String> live = new java.util.HashSet<>();
    for (JsonElement n : status.getAsJsonObject("cluster").getAsJsonArray("live_nodes")) live.add(n.getAsString());
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonElement> shard : shards.entrySet()) {
      int active = 0;
      for (Map.Entry<String, JsonElement> replica : shard.getValue().getAsJsonObject().getAsJsonObject("replicas").entrySet()) {
        JsonObject r = replica.getValue().getAsJsonObject();
        // A replica's recorded state lags behind its node going away; the live nodes do not.
        if ("active".equals(r.get("state").getAsString()) && live.contains(r.get("node_name").getAsString())) active++;
      }
      out.put(shard.getKey(), active);
    }
    return out;
  }
}
