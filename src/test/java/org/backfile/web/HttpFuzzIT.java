package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.BulkImporter;
import org.backfile.search.LuceneArchiveSearch;

/**
 * Property-based fuzzing of every endpoint's parameters over real HTTP: random query strings,
 * dates, numbers and ids (over 10,000 requests in all) never produce a 5xx or a stack trace.
 */
class HttpFuzzIT {

  private static Path dir;
  private static ArchiveIndex index;
  private static WebServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final List<String> TRACE_MARKERS = List.of("Exception", "\tat ", "org.backfile.", "java.lang.", "/work/", "/tmp/");

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("backfile-fuzz");
    index = ArchiveIndex.openWritable(dir);
    new BulkImporter(BulkImporter.Options.defaults(), index).run(BulkImporter.listFiles(List.of(Path.of("sample-data"))), p -> {});
    index.refreshNow();
    server = WebServer.create(new LuceneArchiveSearch(index), "127.0.0.1", 0).start();
  }

  @AfterContainer
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Sends a request and checks the answer is not a server error and carries no trace. */
  static void check(String pathAndQuery) throws Exception {
    URI uri;
    try {
      uri = URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    } catch (IllegalArgumentException e) {
      return; // not a URI a client could send
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() < 500, pathAndQuery + " -> " + r.statusCode() + ": " + r.body());
    for (String marker : TRACE_MARKERS) {
      assertFalse(r.statusCode() >= 400 && r.body().contains(marker), pathAndQuery + " leaks '" + marker + "': " + r.body());
    }
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withChars("\"()[]{}*?~^:+-!&|\\/ aAzZ09éü").ofMaxLength(30),
        Arbitraries.of("title:", "author:\"", "published:[2011 TO", "published:[x TO y]", "a AND", "(((", "*",
            "-", "\"\"", "~", "tag:x OR section:", "published:2012-13", "NOT", "cloud*", "a~2", "/re/", "[a TO b]"),
        Arbitraries.strings().alpha().ofMaxLength(3000));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("", "0", "-1", "2012", "2012-02-30", "2012-13", "99999", "9999-12-31", "0001", "1e3", "NaN",
            "relevance", "newest", "year", "month", "csv", "jsonl", "true", "%00", "../../etc/passwd"));
  }

  @Property(tries = 3000)
  void searchNeverFails(@ForAll("queries") String q, @ForAll("values") String from, @ForAll("values") String page,
      @ForAll("values") String size, @ForAll("values") String sort) throws Exception {
    check("/api/search?q=" + enc(q) + "&from=" + enc(from) + "&page=" + enc(page) + "&size=" + enc(size) + "&sort=" + enc(sort));
  }

  @Property(tries = 1500)
  void searchPageNeverFails(@ForAll("queries") String q, @ForAll("values") String to, @ForAll("values") String author,
      @ForAll("values") String cursor) throws Exception {
    check("/search?q=" + enc(q) + "&to=" + enc(to) + "&author=" + enc(author) + "&cursor=" + enc(cursor));
  }

  @Property(tries = 1500)
  void articlesAndRelatedNeverFail(@ForAll("values") String id, @ForAll("values") String size) throws Exception {
    check("/api/articles/" + enc(id));
    check("/api/articles/" + enc(id) + "/related?size=" + enc(size));
    check("/articles/" + enc(id) + "/" + enc(size));
  }

  @Property(tries = 1500)
  void archiveAndAuthorsNeverFail(@ForAll("values") String year, @ForAll("values") String month,
      @ForAll("values") String page) throws Exception {
    check("/api/archive/" + enc(year) + "/" + enc(month) + "?page=" + enc(page));
    check("/archive/" + enc(year) + "?page=" + enc(page));
    check("/api/authors/" + enc(year) + "?size=" + enc(month));
    check("/authors/" + enc(month) + "/feed.xml");
  }

  @Property(tries = 1500)
  void researchEndpointsNeverFail(@ForAll("queries") String q, @ForAll("values") String interval,
      @ForAll("values") String format) throws Exception {
    check("/api/histogram?q=" + enc(q) + "&interval=" + enc(interval));
    check("/api/suggest?q=" + enc(q) + "&size=" + enc(interval));
    check("/feed.xml?q=" + enc(q) + "&from=" + enc(format));
  }

  @Property(tries = 400)
  void exportNeverFails(@ForAll("queries") String q, @ForAll("values") String format) throws Exception {
    check("/api/export?q=" + enc(q) + "&format=" + enc(format));
  }
}
