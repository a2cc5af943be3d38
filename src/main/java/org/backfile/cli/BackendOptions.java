package org.backfile.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backfile.solr.SolrCollection;
import org.backfile.solr.SolrZooKeeper;
import picocli.CommandLine.Option;

/** Where the archive lives: the embedded index (default) or a SolrCloud collection. */
final class BackendOptions {

  /** The two backends. */
  enum Backend { lucene, solr }

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "lucene",
      description = "lucene (default: the embedded index in --index) or solr (a SolrCloud collection: "
          + "--solr-url, --collection).")
  Backend backend;

  @Option(names = "--solr-url", paramLabel = "URL", split = ",",
      description = "With --backend solr: base URL of one or more Solr nodes, comma-separated "
          + "(http://host:8983/solr); requests fail over between them.")
  List<String> solrUrls = new ArrayList<>();

  @Option(names = "--solr-zk", paramLabel = "HOST:PORT[/CHROOT]",
      description = "With --backend solr: the SolrCloud's ZooKeeper (as Solr's -z takes it, e.g. zk1:2181,zk2:2181/solr); "
          + "Backfile reads the live nodes there when it starts. Instead of --solr-url.")
  String solrZk;

  @Option(names = "--collection", paramLabel = "NAME", defaultValue = "backfile",
      description = "With --backend solr: the collection (default: ${DEFAULT-VALUE}).")
  String collection;

  boolean solr() {
    return backend == Backend.solr;
  }

  /** The collection these options name; a usage error when no node URL was given. */
  SolrCollection solrCollection() {
    if (solrZk != null && !solrUrls.isEmpty()) {
      throw new IllegalArgumentException("give --solr-zk or --solr-url, not both");
    }
    if (solrZk != null) return SolrCollection.at(SolrZooKeeper.liveNodes(solrZk), collection);
    if (solrUrls.isEmpty()) {
      throw new IllegalArgumentException("--backend solr needs --solr-zk HOST:PORT/CHROOT or --solr-url http://HOST:PORT/solr");
    }
    List<URI> nodes = new ArrayList<>();
    for (String u : solrUrls) {
      URI uri;
      try {
        uri = URI.create(u.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--solr-url is not a URL: " + u);
      }
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new IllegalArgumentException("--solr-url must be http(s)://HOST:PORT/solr, got " + u);
      }
      nodes.add(uri);
    }
    return SolrCollection.at(nodes, collection);
  }

  /** Where a Solr import keeps its journal when --journal is not given. */
  Path defaultJournal() {
    return Path.of("solr-journal", collection);
  }
}
