package org.backfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.backfile.index.ArchiveIndex;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.ArchiveWriter;
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
    serve(CompletableFuture.completedFuture(index), host, port, token, maxUploadBytes, out);
  }

  /**
   * Opens the index on one thread while Jetty starts on another (each takes a few hundred
   * milliseconds in a fresh JVM); requests that arrive before the index is open wait for it. When
   * the index cannot be opened (in use, unreadable), the server stops again and the error is the
   * command's.
   */
  static void serve(Path dir, String host, int port, String token, long maxUploadBytes, PrintWriter out)
      throws IOException {
    CompletableFuture<ArchiveIndex> opening = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        opening.complete(ArchiveIndex.openWritable(dir));
      } catch (Throwable e) {
        opening.completeExceptionally(e);
      }
    }, "backfile-open");
    opener.setDaemon(true);
    opener.start();
    serve(opening, host, port, token, maxUploadBytes, out);
  }

  private static void serve(CompletableFuture<ArchiveIndex> opening, String host, int port, String token,
      long maxUploadBytes, PrintWriter out) throws IOException {
    CompletableFuture<ArchiveSearch> search = opening.thenApply(index -> {
      LuceneArchiveSearch s = new LuceneArchiveSearch(index);
      startWarming(s);
      return s;
    });
    WriteConfig writes = token == null ? new WriteConfig(null, null, maxUploadBytes)
        : new WriteConfig(Deferred.of(ArchiveWriter.class, opening.thenApply(IndexArchiveWriter::new)), token,
            maxUploadBytes);
    WebServer server;
    try {
      server = WebServer.create(Deferred.of(ArchiveSearch.class, search), writes, host, port).start();
    } catch (RuntimeException e) {
      opening.thenAccept(Serving::closeQuietly);
      throw e;
    }
    ArchiveIndex index;
    try {
      index = opening.join();
    } catch (CompletionException e) {
      server.close();
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
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

  /**
   * Per-reader state (facet ordinals over every article) is built while Jetty and the templates
   * start, instead of by the first search, which cold start is measured to.
   */
  private static void startWarming(LuceneArchiveSearch search) {
    Thread warming = new Thread(() -> {
      try {
        search.warm();
      } catch (RuntimeException e) {
        // nothing lost: the first request builds the same state
      }
    }, "backfile-warm");
    warming.setDaemon(true);
    warming.start();
  }

  private static void closeQuietly(ArchiveIndex index) {
    try {
      index.close();
    } catch (IOException e) {
      // the server failed to start, which is the error reported
    }
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
