package org.backfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.ingest.ArticleIds;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.FileExtractor;
import org.backfile.ingest.ImportSummary;
import org.backfile.ingest.PartialDate;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.ArchiveWriter;
import org.backfile.search.IndexArchiveWriter;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * sample-data/ → import → index → HTTP server on a free port → every endpoint and page, checked
 * against the expectations written in sample-data/README.md. {@link SolrSampleDataIT} runs the same
 * checks over a SolrCloud: it hides {@link #importAndServe()} and {@link #stop()} with its own.
 */
class SampleDataIT {

  @TempDir
  static Path indexDir;

  private static ArchiveIndex index;
  static WebServer server;
  static ImportSummary summary;
  /** The backend under test, as the web layer sees it. */
  static ArchiveSearch search;
  static ArchiveWriter writer;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final SampleData sample = SampleData.read();

  @BeforeAll
  static void importAndServe() throws Exception {
    index = ArchiveIndex.openWritable(indexDir);
    summary = new BulkImporter(BulkImporter.Options.defaults(), index)
        .run(BulkImporter.listFiles(List.of(SampleData.DIR)), p -> {});
    index.refreshNow();
    search = new LuceneArchiveSearch(index);
    writer = new IndexArchiveWriter(index);
    server = WebServer.create(search, "127.0.0.1", 0).start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    if (index != null) index.close();
  }

  static String idOf(String file) {
    return ArticleIds.of(FileExtractor.sourceOf(SampleData.DIR.resolve(file)), 0);
  }

  record Response(int status, String body, String type) {
    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  static Response get(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void importsEverySampleArticleWithoutFailures() {
    assertEquals(List.of(), summary.failures());
    assertEquals(sample.articles().size(), summary.articles());
    assertTrue(summary.articles() >= 40);
  }

  @TestFactory
  List<DynamicTest> everySampleArticleHasItsExpectedTitleAuthorsAndDate() {
    List<DynamicTest> tests = new ArrayList<>();
    for (SampleData.Expected e : sample.articles()) {
      tests.add(DynamicTest.dynamicTest(e.file(), () -> {
        Response r = get("/api/articles/" + idOf(e.file()));
        assertEquals(200, r.status(), e.file());
        JsonObject a = r.json();
        assertEquals(e.title(), a.get("title").getAsString(), e.file() + " title");
        List<String> authors = new ArrayList<>();
        a.getAsJsonArray("authors").forEach(x -> authors.add(x.getAsString()));
        assertEquals(e.authors(), authors, e.file() + " authors");
        JsonElement published = a.get("published");
        assertEquals(e.published(), published.isJsonNull() ? null : published.getAsString(), e.file() + " published");
        if (e.published() != null) {
          assertEquals(PartialDate.parse(e.published()).precision().label(), a.get("publishedPrecision").getAsString());
        }
      }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> bodiesKeepTheArticleAndDropThePageChrome() throws Exception {
    Map<String, String> bodies = new java.util.HashMap<>();
    for (SampleData.Expected e : sample.articles()) {
      bodies.put(e.file(), search.article(idOf(e.file())).map(Article::body).orElse(""));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (SampleData.Snippet s : sample.bodyText()) {
      tests.add(DynamicTest.dynamicTest("keeps: " + s.file(), () ->
          assertTrue(bodies.get(s.file()).contains(s.text()), s.file() + " lost: " + s.text())));
    }
    for (SampleData.Snippet s : sample.boilerplate()) {
      tests.add(DynamicTest.dynamicTest("drops: " + s.file() + ": " + s.text(), () ->
          assertFalse(bodies.get(s.file()).contains(s.text()), s.file() + " kept chrome: " + s.text())));
    }
    return tests;
  }

  @Test
  void postedByLinesNeverReachTheBody() throws Exception {
    for (SampleData.Expected e : sample.articles()) {
      if (!e.file().endsWith(".html")) continue;
      String body = get("/api/articles/" + idOf(e.file())).json().get("body").getAsString();
      assertFalse(body.contains("Posted by"), e.file());
    }
  }

  @Test
  void searchReturnsHitsWithEscapedMarkedSnippetsAndFacets() throws Exception {
    Response r = get("/api/search?q=" + enc("night train") + "&size=5");
    assertEquals(200, r.status());
    assertTrue(r.type().startsWith("application/json"), r.type());
    JsonObject page = r.json();
    assertEquals("night train", page.get("query").getAsString());
    assertTrue(page.get("total").getAsLong() >= 3, r.body());
    JsonArray hits = page.getAsJsonArray("hits");
    assertEquals(5, page.get("size").getAsInt());
    JsonObject first = hits.get(0).getAsJsonObject();
    for (String key : List.of("id", "title", "authors", "summary", "snippet")) assertTrue(first.has(key), key);
    assertTrue(first.get("snippet").getAsString().contains("<mark>"), first.toString());
    String withoutMarks = first.get("snippet").getAsString().replace("<mark>", "").replace("</mark>", "");
    assertFalse(withoutMarks.contains("<"), withoutMarks);
    JsonObject facets = page.getAsJsonObject("facets");
    assertTrue(facets.has("year") && facets.has("author") && facets.has("section"), facets.toString());
  }

  @Test
  void searchFiltersByAuthorAndDates() throws Exception {
    JsonObject all = get("/api/search?q=&author=" + enc("Maria Keller") + "&size=100").json();
    assertTrue(all.get("total").getAsLong() > 0);
    for (JsonElement h : all.getAsJsonArray("hits")) {
      assertTrue(h.getAsJsonObject().getAsJsonArray("authors").toString().contains("Maria Keller"));
    }
    JsonObject y2012 = get("/api/search?from=2012&to=2012-12-31&sort=newest&size=100").json();
    for (JsonElement h : y2012.getAsJsonArray("hits")) {
      assertTrue(h.getAsJsonObject().get("published").getAsString().startsWith("2012"), h.toString());
    }
    long expected2012 = sample.articles().stream().filter(e -> e.published() != null && e.published().startsWith("2012")).count();
    assertEquals(expected2012, y2012.get("total").getAsLong());
  }

  @Test
  void badParametersAreA400WithAMessage() throws Exception {
    for (String path : List.of("/api/search?q=x&from=yesterday", "/api/search?q=%22unclosed",
        "/api/search?q=x&size=500", "/api/search?q=x&page=zero", "/api/search?q=x&sort=sideways")) {
      Response r = get(path);
      assertEquals(400, r.status(), path);
      JsonObject err = r.json();
      assertNotNull(err.get("error"), path);
      assertFalse(err.get("message").getAsString().isBlank(), path);
    }
    assertTrue(get("/api/search?q=x&from=yesterday").json().get("message").getAsString().contains("from"));
  }

  @Test
  void unknownIdsAndPathsAre404() throws Exception {
    assertEquals(404, get("/api/articles/0000000000000000").status());
    assertEquals("not_found", get("/api/articles/0000000000000000").json().get("error").getAsString());
    assertEquals(404, get("/api/articles/0000000000000000/related").status());
    assertEquals(404, get("/api/nothing-here").status());
    assertEquals(404, get("/api/authors/" + enc("Nobody At All")).status());
    Response page = get("/articles/0000000000000000");
    assertEquals(404, page.status());
    assertTrue(page.type().startsWith("text/html"));
  }

  @Test
  void relatedNeverIncludesTheArticleItselfAndStaysOnTopic() throws Exception {
    int withRelated = 0;
    for (SampleData.Expected e : sample.articles()) {
      String id = idOf(e.file());
      JsonArray related = get("/api/articles/" + id + "/related?size=5").json().getAsJsonArray("related");
      for (JsonElement r : related) assertFalse(r.getAsJsonObject().get("id").getAsString().equals(id), e.file());
      if (related.size() > 0) withRelated++;
    }
    assertTrue(withRelated >= sample.articles().size() * 3 / 4, "only " + withRelated + " articles have related ones");
  }

  @Test
  void archiveCountsYearsAndMonthsAndListsPeriods() throws Exception {
    JsonObject archive = get("/api/archive").json();
    JsonArray years = archive.getAsJsonArray("years");
    Map<String, Long> expectedYears = sample.articles().stream().filter(e -> e.published() != null)
        .collect(Collectors.groupingBy(e -> e.published().substring(0, 4), Collectors.counting()));
    assertEquals(expectedYears.size(), years.size());
    for (JsonElement y : years) {
      JsonObject year = y.getAsJsonObject();
      assertEquals(expectedYears.get(year.get("year").getAsString()), year.get("count").getAsLong());
    }
    JsonObject first = years.get(0).getAsJsonObject();
    int year = first.get("year").getAsInt();
    JsonObject list = get("/api/archive/" + year).json();
    assertEquals(first.get("count").getAsLong(), list.get("total").getAsLong());
    int month = first.getAsJsonArray("months").get(0).getAsJsonObject().get("month").getAsInt();
    JsonObject monthList = get(String.format("/api/archive/%d/%02d", year, month)).json();
    assertTrue(monthList.get("total").getAsLong() > 0);
    assertEquals(404, get("/api/archive/abc").status());
  }

  @Test
  void authorsAreListedWithCountsAndTheirArticles() throws Exception {
    JsonArray authors = JsonParser.parseString(get("/api/authors").body()).getAsJsonArray();
    long expected = sample.articles().stream().flatMap(e -> e.authors().stream()).distinct().count();
    assertEquals(expected, authors.size());
    JsonObject top = authors.get(0).getAsJsonObject();
    JsonObject page = get("/api/authors/" + enc(top.get("name").getAsString()) + "?size=100").json();
    assertEquals(top.get("count").getAsLong(), page.get("total").getAsLong());
  }

  @Test
  void exportStreamsEveryMatchWithACitableHeader() throws Exception {
    long total = get("/api/search?q=bread").json().get("total").getAsLong();
    assertTrue(total > 0);
    Response csv = get("/api/export?q=bread&format=csv");
    assertEquals(200, csv.status());
    assertTrue(csv.type().startsWith("text/csv"), csv.type());
    List<String> lines = csv.body().lines().toList();
    assertTrue(lines.contains("# query: bread"), lines.toString());
    assertTrue(lines.contains("# total: " + total), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("# index version: ")));
    long rows = lines.stream().filter(l -> !l.startsWith("#")).count() - 1; // minus the column header
    assertEquals(total, rows);
    Response jsonl = get("/api/export?q=bread&format=jsonl");
    List<String> jl = jsonl.body().lines().toList();
    assertEquals(total, JsonParser.parseString(jl.get(0)).getAsJsonObject().getAsJsonObject("meta").get("total").getAsLong());
    assertEquals(total + 1, jl.size());
    assertEquals(400, get("/api/export?q=bread&format=xls").status());
    assertEquals(400, get("/api/export?q=%22bread&format=csv").status());
  }

  @Test
  void histogramCountsPerYearWithZeros() throws Exception {
    JsonObject h = get("/api/histogram?q=&interval=year").json();
    long dated = sample.articles().stream().filter(e -> e.published() != null).count();
    long sum = 0;
    for (JsonElement b : h.getAsJsonArray("buckets")) sum += b.getAsJsonObject().get("count").getAsLong();
    assertEquals(dated, sum);
    assertEquals(sample.articles().size() - dated, h.get("undated").getAsLong());
    assertEquals(400, get("/api/histogram?interval=week").status());
  }

  @Test
  void suggestCompletesAuthorsAndTitles() throws Exception {
    String author = sample.articles().get(0).authors().get(0);
    JsonArray s = get("/api/suggest?q=" + enc(author.substring(0, 4))).json().getAsJsonArray("suggestions");
    assertTrue(s.toString().contains(author), s.toString());
  }

  @Test
  void atomFeedsForNewestASearchAndAnAuthor() throws Exception {
    Response newest = get("/feed.xml");
    assertEquals(200, newest.status());
    assertTrue(newest.type().startsWith("application/atom+xml"));
    assertTrue(newest.body().contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), newest.body());
    assertTrue(newest.body().contains("<entry>"));
    assertTrue(get("/feed.xml?q=bees").body().contains("<entry>"));
    String author = sample.articles().get(0).authors().get(0);
    assertTrue(get("/authors/" + enc(author) + "/feed.xml").body().contains(author));
    assertEquals(404, get("/authors/Nobody%20Here/feed.xml").status());
  }

  @Test
  void healthAnswers() throws Exception {
    JsonObject health = get("/health").json();
    assertEquals("ok", health.get("status").getAsString());
    assertEquals(sample.articles().size(), health.get("articles").getAsInt());
  }

  @Test
  void pagesRenderWithEscapedTextAndTheRelatedSidebar() throws Exception {
    SampleData.Expected e = sample.articles().stream().filter(x -> x.file().endsWith(".html") && !x.authors().isEmpty()).findFirst().orElseThrow();
    Response home = get("/");
    assertEquals(200, home.status());
    assertTrue(home.body().contains("Blog archive"));
    Response article = get("/articles/" + idOf(e.file()));
    assertEquals(200, article.status());
    assertTrue(article.body().contains(escapeHtml(e.title())), "title missing");
    assertTrue(article.body().contains("Posted by"));
    assertTrue(article.body().contains("class=\"related\""));
    assertEquals(200, get("/search?q=bees").status());
    assertTrue(get("/search?q=bees").body().contains("<mark>"));
    assertEquals(200, get("/authors/" + enc(e.authors().get(0))).status());
    String month = e.published() != null && e.published().length() >= 7 ? e.published().substring(0, 7).replace('-', '/') : "2012/04";
    assertEquals(200, get("/archive/" + month).status());
    assertEquals(400, get("/search?q=x&from=never").status());
    assertTrue(home.body().contains("<link rel=\"stylesheet\" href=\"/style.css\">"));
    assertEquals(200, get("/style.css").status());
  }

  @Test
  void theOriginalFileCanBeDownloadedButNotRunHere() throws Exception {
    SampleData.Expected e = sample.articles().stream().filter(x -> x.file().endsWith(".pdf")).findFirst().orElseThrow();
    String id = idOf(e.file());
    assertTrue(get("/articles/" + id).body().contains("/articles/" + id + "/original"));
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/articles/" + id + "/original")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals(java.nio.file.Files.size(SampleData.DIR.resolve(e.file())), r.body().length);
    assertTrue(r.headers().firstValue("content-security-policy").orElse("").startsWith("sandbox"));
    assertTrue(r.headers().firstValue("content-disposition").orElse("").startsWith("attachment"));
    assertEquals(404, get("/articles/0000000000000000/original").status());
  }

  @Test
  void searchPageDrawsATimelineAndOffersASpelling() throws Exception {
    String page = get("/search?q=bread").body();
    assertTrue(page.contains("<svg"), "no timeline");
    assertTrue(page.contains("class=\"bar\""), "no bars");
    assertTrue(page.contains("Matches per "), "no caption");
    String typo = get("/search?q=braed").body();
    assertTrue(typo.contains("Did you mean"), "no did-you-mean");
    assertTrue(typo.contains(">bread</a>"), typo);
  }

  @Test
  void anArticleAddedWhileServingIsSearchableWithinASecond() throws Exception {
    Article fresh = new Article("/tmp/fresh.txt", "fresh00000000001", "Zeppelin mail returns", List.of("Ana Ruiz"),
        PartialDate.parse("2014-06-01"), null, null, List.of(), null, "en", "Airships again.",
        "The zeppelin post office opened on Tuesday.", "text/plain", List.of(), null);
    long start = System.nanoTime();
    writer.add(fresh); // returns once the article is searchable
    assertEquals(1, get("/api/search?q=zeppelin").json().get("total").getAsLong());
    assertTrue(writer.delete(fresh.id()));
    assertEquals(0, get("/api/search?q=zeppelin").json().get("total").getAsLong());
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "adding and deleting took over two seconds");
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
  }
}
