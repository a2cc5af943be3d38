package org.backfile.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.BulkImporter;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The training run of an ahead-of-time cache (JDK 25+, {@code -XX:AOTCacheOutput}): imports a
 * folder into a temporary index, serves it and requests every kind of page once, so that the
 * classes a server loads and links on its first requests are in the cache. The launcher runs it
 * after each build; {@code serve} then starts with {@code -XX:AOTCache} (cold start is measured
 * to the first answered search).
 */
@Command(name = "aot-train", hidden = true,
    description = "Import DIR into a temporary index, serve it and request each kind of page once (AOT cache training).")
final class AotTrainCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", defaultValue = "sample-data", description = "Articles to import (default: ${DEFAULT-VALUE}).")
  Path data;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) throw new IllegalArgumentException(data + " is not a folder");
    Path tmp = Files.createTempDirectory("backfile-aot-");
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
    List<String> failed = new ArrayList<>();
    int requests = 0;
    try (ArchiveIndex index = ArchiveIndex.openWritable(tmp.resolve("index"))) {
      Importing.run(index, List.of(data), BulkImporter.Options.defaults(), quiet, quiet, true);
      WebServer server = WebServer.create(new LuceneArchiveSearch(index), "127.0.0.1", 0).start();
      try {
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
        JsonObject all = JsonParser.parseString(get(http, base, "api/search?q=&size=5", failed)).getAsJsonObject();
        JsonArray hits = all.getAsJsonArray("hits");
        List<String> paths = new ArrayList<>(List.of("", "search?q=the", "api/search?q=the+OR+news",
            "api/search?q=%22the+news%22&sort=newest", "api/search?q=notawordanywherexyz", "archive",
            "api/archive", "api/authors", "api/stats", "api/histogram?q=", "api/suggest?q=th", "feed.xml",
            "api/export?format=csv", "api/search?q=(broken", "health"));
        for (var hit : hits) {
          String id = hit.getAsJsonObject().get("id").getAsString();
          paths.add("articles/" + id);
          paths.add("api/articles/" + id + "/related");
          for (var author : hit.getAsJsonObject().getAsJsonArray("authors")) {
            paths.add("authors/" + URLEncoder.encode(author.getAsString(), StandardCharsets.UTF_8).replace("+", "%20"));
          }
        }
        for (String path : paths) {
          get(http, base, path, failed);
          requests++;
        }
      } finally {
        server.close();
      }
    } finally {
      TempFolders.delete(tmp);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("aot-train: %d requests, %d answered with a server error%n", requests + 1, failed.size());
    for (String f : failed) out.println("  " + f);
    out.flush();
    return failed.isEmpty() ? Cli.OK : Cli.FAILED;
  }

  /** The body of a GET; 5xx answers (the only kind a training request should never get) are noted. */
  private static String get(HttpClient http, URI base, String path, List<String> failed)
      throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 500) failed.add(r.statusCode() + " /" + path);
    return r.body();
  }
}
