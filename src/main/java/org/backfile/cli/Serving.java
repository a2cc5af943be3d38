package org.backfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.backfile.index.ArchiveIndex;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.web.WebServer;

/** Serves an open index until the process is stopped; SIGTERM closes the server, then the index. */
final class Serving {

  private Serving() {}

  static void serve(ArchiveIndex index, String host, int port, PrintWriter out) throws IOException {
    WebServer server = WebServer.create(new LuceneArchiveSearch(index), host, port).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        index.close();
      } catch (IOException e) {
        System.err.println("backfile: could not close the index cleanly: " + e.getMessage());
      }
    }, "backfile-shutdown"));
    String shownHost = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
    out.printf("Backfile is serving %s on http://%s:%d/ (Ctrl+C to stop)%n", index.dir(), shownHost, server.port());
    out.flush();
  }
}
