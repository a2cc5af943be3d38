package org.backfile.solr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.backfile.search.BadQueryException;

/** One collection of a SolrCloud, reached through any of its nodes. */
public final class SolrCollection {

  private final SolrConnection connection;
  private final String name;

  SolrCollection(SolrConnection connection, String name) {
    this.connection = Objects.requireNonNull(connection, "connection");
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("--collection must be letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    this.name = name;
  }

  /**
   * @param nodes base URLs of one or more nodes ({@code http://host:8983/solr}); requests fail over
   *     between them
   */
  public static SolrCollection at(List<URI> nodes, String name) {
    return new SolrCollection(new SolrConnection(nodes), name);
  }

  public String name() {
    return name;
  }

  public List<URI> nodes() {
    return connection.nodes();
  }

  SolrConnection connection() {
    return connection;
  }

  /** A search of the collection's /select (which never returns the journal record). */
  JsonObject select(SolrParams params) {
    try {
      return connection.postForm("/" + name + "/select", params.add("wt", "json").list());
    } catch (SolrException e) {
      // The one query Backfile's parser lets through that Solr may refuse: a prefix that expands
      // to more words than a query may hold (the embedded index refuses it the same way).
      if (e.status() == 400 && e.getMessage().contains("maxClauseCount")) {
        throw new BadQueryException("The query matches too many words; make the prefix longer");
      }
      throw e;
    }
  }

  /** Sends update commands (Solr's JSON update format). */
  JsonObject update(String json, SolrParams params) {
    return connection.post("/" + name + "/update", params.add("wt", "json").list(),
        "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A document by id, as last written (real-time get), or null. */
  JsonObject get(String id) {
    JsonElement doc = connection.get("/" + name + "/get", SolrParams.of("id", id, "wt", "json").list()).get("doc");
    return doc == null || doc.isJsonNull() ? null : doc.getAsJsonObject();
  }
}
