package org.backfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.backfile.index.ArchiveIndex;
import org.backfile.search.IndexArchiveWriter;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.solr.SolrArchiveSearch;
import org.backfile.solr.SolrArchiveWriter;
import org.backfile.solr.SolrCollection;
import org.backfile.web.WebServer;
import org.backfile.web.WriteConfig;

/** Serves an open index until the process is stopped; SIGTERM closes the server, then the index. */
final class Serving {

  private Serving() {}

  /** Serves read-only. */
  static void serve(ArchiveIndex index, String host, int port, PrintWriter out) throws IOException {
    serve(index, host, port, null, WriteConfig.DEFAULT_MAX_UPLOAD_BYTES, out);
  }

  /**
   * @param token the bearer token that allows writes through the API; null: read-only
   */
  static void serve(ArchiveIndex index, String host, int port, String token, long maxUploadBytes,
      PrintWriter out) throws IOException {
    WriteConfig writes = token == null ? new WriteConfig(null, null, maxUploadBytes)
        : new WriteConfig(new IndexArchiveWriter(index), token, maxUploadBytes);
    LuceneArchiveSearch search = new LuceneArchiveSearch(index);
    // Per-reader state (facet ordinals over every article) is built while Jetty and the templates
    // start, instead of by the first search, which cold start is measured to.
    Thread warming = new Thread(() -> {
      try {
        search.warm();
      } catch (RuntimeException e) {
        // nothing lost: the first request builds the same state
      }
    }, "backfile-warm");
    warming.setDaemon(true);
    warming.start();
    WebServer server = WebServer.create(search, writes, host, port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        index.close();
      } catch (IOException e) {
        System.err.println("backfile: could not close the index cleanly: " + e.getMessage());
      }
    }, "backfile-shutdown"));
    announce(index.dir().toString(), host, server, writes, out);
  }

  /** Serves a SolrCloud collection; writes (with a token) go to the collection. */
  static void serveSolr(SolrCollection solr, String host, int port, String token, long maxUploadBytes,
      PrintWriter out) {
    WriteConfig writes = token == null ? new WriteConfig(null, null, maxUploadBytes)
        : new WriteConfig(new SolrArchiveWriter(solr), token, maxUploadBytes);
    WebServer server = WebServer.create(new SolrArchiveSearch(solr), writes, host, port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "backfile-shutdown"));
    announce("Solr collection " + solr.name(), host, server, writes, out);
  }

  private static void announce(String what, String host, WebServer server, WriteConfig writes, PrintWriter out) {
    String shownHost = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
    out.printf("Backfile is serving %s on http://%s:%d/ (Ctrl+C to stop)%n", what, shownHost, server.port());
    out.println(writes.enabled()
        ? "Writes are enabled: POST and DELETE /api/articles with 'Authorization: Bearer <token>'."
        : "The API is read-only (no --token-file or " + ServeCommand.TOKEN_ENV + ").");
    out.flush();
  }
}
