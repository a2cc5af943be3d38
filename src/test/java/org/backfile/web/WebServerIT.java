package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.backfile.search.LuceneArchiveSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile article text stays text on every page; headers and errors are what they should be. */
class WebServerIT {

  @TempDir
  static Path dir;

  private static ArchiveIndex index;
  private static WebServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>";

  @BeforeAll
  static void start() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    index.put(new Article("/x.html", "xss0000000000001", "Title " + PAYLOAD, List.of("Eve " + PAYLOAD),
        PartialDate.parse("2012-04"), "Pub " + PAYLOAD, "Sec " + PAYLOAD, List.of("tag" + PAYLOAD), null, "en",
        "Dek " + PAYLOAD, "Harmless words and " + PAYLOAD + " more harmless words.", "text/html", List.of(), null));
    index.put(new Article("/y.html", "plain00000000001", "Harmless neighbour", List.of("Ann Lee"),
        PartialDate.parse("2012"), null, null, List.of(), null, "en", "A dek.",
        "Harmless words about harmless things.", "text/html", List.of(), null));
    index.put(new Article("/z.html", "formula000000001", "=HYPERLINK(\"http://example.com\",\"x\")", List.of("+cmd"),
        PartialDate.parse("2013"), null, null, List.of(), null, "en", "@SUM(A1)", "Spreadsheet words only.",
        "text/html", List.of(), null));
    index.refreshNow();
    server = WebServer.create(new LuceneArchiveSearch(index), "127.0.0.1", 0).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    index.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void markupInArticleFieldsIsShownAsTextOnEveryPage() throws Exception {
    for (String path : List.of("/", "/search?q=harmless", "/articles/xss0000000000001",
        "/articles/plain00000000001", "/archive/2012", "/archive/2012/04",
        "/authors/" + View.encode("Eve " + PAYLOAD))) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      assertFalse(r.body().contains("<script>alert"), path);
      assertFalse(r.body().contains("<img src=x"), path);
      assertTrue(r.body().contains("&lt;script&gt;") || r.body().contains("&lt;script"), path);
    }
  }

  @Test
  void snippetsInJsonEscapeArticleText() throws Exception {
    // JSON fields are text (a client escapes them); only the snippet is HTML, so it is escaped here.
    var hits = com.google.gson.JsonParser.parseString(get("/api/search?q=harmless").body())
        .getAsJsonObject().getAsJsonArray("hits");
    String snippet = hits.get(1).getAsJsonObject().get("snippet").getAsString();
    assertFalse(snippet.contains("<script>"), snippet);
    assertTrue(snippet.contains("&lt;script&gt;"), snippet);
    assertEquals("Title " + PAYLOAD, hits.get(1).getAsJsonObject().get("title").getAsString());
  }

  @Test
  void exportsNeutraliseSpreadsheetFormulasAndFeedsEscapeMarkup() throws Exception {
    String csv = get("/api/export?q=spreadsheet&format=csv").body();
    String row = csv.lines().filter(l -> l.startsWith("formula000000001")).findFirst().orElseThrow();
    assertTrue(row.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""), row);
    assertTrue(row.contains(",'+cmd,"), row);
    assertTrue(row.contains(",'@SUM(A1),"), row);
    String feed = get("/feed.xml?q=harmless").body();
    assertFalse(feed.contains("<script>"), feed);
    assertTrue(feed.contains("&lt;script&gt;"), feed);
  }

  @Test
  void responsesCarrySecurityHeaders() throws Exception {
    HttpResponse<String> r = get("/");
    String csp = r.headers().firstValue("content-security-policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
    assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty());
  }

  @Test
  void unknownPagesGetAHelpfulHtml404AndApiPathsAJson404() throws Exception {
    HttpResponse<String> page = get("/no/such/page");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("newest articles"), page.body());
    HttpResponse<String> api = get("/api/no/such");
    assertEquals(404, api.statusCode());
    assertTrue(api.body().startsWith("{\"error\":\"not_found\""), api.body());
  }

  @Test
  void pagesShowDatesWithTheirPrecision() throws Exception {
    assertTrue(get("/articles/xss0000000000001").body().contains("April 2012"));
    String year = get("/articles/plain00000000001").body();
    assertTrue(year.contains(">2012<"), year);
    assertFalse(year.contains("January"), year);
  }

  @Test
  void relatedSidebarLinksToTheNeighbourAndNotToItself() throws Exception {
    String body = get("/articles/plain00000000001/harmless-neighbour").body();
    int sidebar = body.indexOf("class=\"related\"");
    assertTrue(sidebar > 0);
    assertFalse(body.substring(sidebar).contains("/articles/plain00000000001"), body.substring(sidebar));
  }

  @Test
  void badInputOnPagesIsA400Page() throws Exception {
    HttpResponse<String> r = get("/search?q=x&size=1000");
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("size must be 1..100"), r.body());
  }
}
