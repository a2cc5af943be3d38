package org.backfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.backfile.cli.Cli;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.ImportJournal;
import org.backfile.solr.SolrAdmin;
import org.backfile.solr.SolrArchiveSearch;
import org.backfile.solr.SolrArchiveWriter;
import org.backfile.solr.SolrArticleSink;
import org.backfile.solr.SolrCollection;
import org.backfile.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check of {@link SampleDataIT}, over a real 2-node SolrCloud (embedded ZooKeeper) holding a
 * collection of 2 shards × 2 replicas: created with {@code solr init}, fed by the import pipeline,
 * served by the same web layer. Last, one node is stopped and searches must still answer in full.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrSampleDataIT extends SampleDataIT {

  private static final String COLLECTION = "sample";

  @TempDir
  static Path solrDir;

  private static SolrTestCluster cluster;
  private static SolrCollection collection;
  private static String urls;

  /** Hides {@link SampleDataIT#importAndServe()}: the archive lives in Solr. */
  @BeforeAll
  static void importAndServe() throws Exception {
    cluster = SolrTestCluster.start(solrDir, 2);
    // Node 1 first: after it is stopped, every request must fail over to node 0.
    List<URI> nodes = List.of(cluster.nodes().get(1), cluster.nodes().get(0));
    urls = cluster.urls(nodes);
    Run init = cli("solr", "init", "--solr-url", urls, "--collection", COLLECTION, "--shards", "2", "--replicas", "2");
    assertEquals(0, init.code(), init.err());
    assertTrue(init.out().contains("Created collection sample: 2 shard(s) × 2 replica(s)"), init.out());
    collection = SolrCollection.at(nodes, COLLECTION);
    SolrArticleSink sink = new SolrArticleSink(collection, solrDir.resolve("journal"));
    ImportJournal journal = ImportJournal.open(solrDir.resolve("journal"), sink.commitData());
    summary = new BulkImporter(BulkImporter.Options.defaults(), sink, journal)
        .run(BulkImporter.listFiles(List.of(SampleData.DIR)), p -> {});
    search = new SolrArchiveSearch(collection);
    writer = new SolrArchiveWriter(collection);
    server = WebServer.create(search, "127.0.0.1", 0).start();
  }

  /** Hides {@link SampleDataIT#stop()}. */
  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    if (cluster != null) cluster.close();
  }

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void importingAgainThroughTheCliSkipsEveryFileAndDuplicatesNothing() throws Exception {
    Run again = cli("import", "--backend", "solr", "--solr-url", urls, "--collection", COLLECTION,
        "--journal", solrDir.resolve("journal").toString(), "-q", SampleData.DIR.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains(summary.articles() + " files unchanged since the last import (skipped)"), again.out());
    assertEquals(summary.articles(), get("/api/stats").json().get("articles").getAsLong());
  }

  @Test
  void twoJournalsKeepTheirOwnCommitRecords() {
    assertTrue(!SolrArticleSink.journalRecordId(solrDir.resolve("journal"))
        .equals(SolrArticleSink.journalRecordId(solrDir.resolve("other-journal"))));
    assertEquals(SolrArticleSink.journalRecordId(solrDir.resolve("journal")),
        SolrArticleSink.journalRecordId(solrDir.resolve("x/../journal")));
  }

  @Test
  void aFreshJournalReimportsButStillDuplicatesNothing() throws Exception {
    Run fresh = cli("import", "--backend", "solr", "--solr-url", urls, "--collection", COLLECTION,
        "--journal", solrDir.resolve("other-journal").toString(), "-q", SampleData.DIR.toString());
    assertEquals(0, fresh.code(), fresh.err());
    assertTrue(fresh.out().contains("Imported " + summary.articles() + " articles"), fresh.out());
    assertEquals(summary.articles(), get("/api/stats").json().get("articles").getAsLong());
    // The first journal's commit record is its own: after the other journal's import it still
    // knows every file (it used to read the other journal's length and import one file again).
    Run again = cli("import", "--backend", "solr", "--solr-url", urls, "--collection", COLLECTION,
        "--journal", solrDir.resolve("journal").toString(), "-q", SampleData.DIR.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains(summary.articles() + " files unchanged since the last import (skipped)"), again.out());
  }

  @Test
  void theCliFindsTheNodesThroughZooKeeperAndSearches() throws Exception {
    Run stats = cli("stats", "--backend", "solr", "--solr-zk", cluster.zk(), "--collection", COLLECTION, "--json");
    assertEquals(0, stats.code(), stats.err());
    assertEquals(summary.articles(), com.google.gson.JsonParser.parseString(stats.out()).getAsJsonObject()
        .get("articles").getAsLong());
    Run search = cli("search", "--backend", "solr", "--solr-zk", cluster.zk(), "--collection", COLLECTION,
        "--json", "night", "train");
    assertEquals(0, search.code(), search.err());
    assertEquals(get("/api/search?q=" + enc("night train")).json().get("total").getAsLong(),
        com.google.gson.JsonParser.parseString(search.out()).getAsJsonObject().get("total").getAsLong());
    Run export = cli("search", "--backend", "solr", "--solr-url", urls, "--collection", COLLECTION,
        "--export", "jsonl", "bread");
    assertEquals(0, export.code(), export.err());
    assertEquals(get("/api/search?q=bread").json().get("total").getAsLong() + 1, export.out().lines().count());
  }

  @Test
  void aFileOfManyArticlesGoesInBatchesAndItsReimportReplacesThemAll() throws Exception {
    Run init = cli("solr", "init", "--solr-url", urls, "--collection", "bulk");
    assertEquals(0, init.code(), init.err());
    Path jsonl = solrDir.resolve("many.jsonl");
    java.nio.file.Files.write(jsonl, lines(1_234));
    String[] importIt = {"import", "--backend", "solr", "--solr-url", urls, "--collection", "bulk",
        "--journal", solrDir.resolve("bulk-journal").toString(), "-q", jsonl.toString()};
    Run first = cli(importIt);
    assertEquals(0, first.code(), first.err());
    SolrArchiveSearch bulk = new SolrArchiveSearch(SolrCollection.at(cluster.nodes(), "bulk"));
    assertEquals(1_234, bulk.stats().articles());
    java.nio.file.Files.write(jsonl, lines(700)); // the file changed: its articles are replaced
    Run second = cli(importIt);
    assertEquals(0, second.code(), second.err());
    assertEquals(700, bulk.stats().articles());
  }

  @Test
  void anEmbeddedArchiveCopiedIntoSolrKeepsItsIdsAndItsJournal() throws Exception {
    Path index = solrDir.resolve("embedded");
    Run embedded = cli("import", "--index", index.toString(), "-q", SampleData.DIR.toString());
    assertEquals(0, embedded.code(), embedded.err());
    assertEquals(0, cli("solr", "init", "--solr-url", urls, "--collection", "copied").code());
    Path journal = solrDir.resolve("copied-journal");
    Run copy = cli("solr", "copy", "--index", index.toString(), "--solr-url", urls, "--collection", "copied",
        "--journal", journal.toString());
    assertEquals(0, copy.code(), copy.err());
    assertTrue(copy.out().startsWith("Copied " + summary.articles() + " articles"), copy.out());
    SolrArchiveSearch copied = new SolrArchiveSearch(SolrCollection.at(cluster.nodes(), "copied"));
    for (SampleData.Expected e : SampleData.read().articles()) {
      assertEquals(search.article(idOf(e.file())), copied.article(idOf(e.file())), e.file());
    }
    Run importAfter = cli("import", "--backend", "solr", "--solr-url", urls, "--collection", "copied",
        "--journal", journal.toString(), "-q", SampleData.DIR.toString());
    assertEquals(0, importAfter.code(), importAfter.err());
    assertTrue(importAfter.out().contains(summary.articles() + " files unchanged"), importAfter.out());
  }

  private static List<String> lines(int n) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("{\"title\": \"Bulletin " + i + "\", \"published\": \"2015-03-0" + (1 + i % 9)
          + "\", \"body\": \"Number " + i + " of many short bulletins about the harbour.\"}");
    }
    return out;
  }

  @Test
  void awkwardQueriesAndParametersAreNeverAServerError() throws Exception {
    for (String q : List.of("bees^0.0001", "/be+s/", "bees~", "b?es", "*", "be*", "\"night train\"~3",
        "title:(bees OR train)", "author:keller", "published:[2011-01 TO 2012-06]", "-bees", "NOT bees",
        "a:b", "((", "\\", "\"", "x".repeat(2000), "日本語 テキスト", "c++ & c#", "caf\u00e9", "published:2012-13")) {
      for (String path : List.of("/api/search?q=", "/api/histogram?interval=month&q=", "/api/export?format=jsonl&q=",
          "/search?q=", "/feed.xml?q=")) {
        Response r = get(path + enc(q));
        assertTrue(r.status() < 500, path + q + " gave " + r.status() + ": " + r.body());
      }
    }
    for (String path : List.of("/api/search?q=bees&cursor=abc", "/api/search?q=bees&page=1000&size=10",
        "/api/search?q=&sort=newest&cursor=" + enc(org.backfile.search.SearchRequest.Sort.OLDEST.label()),
        "/api/suggest?q=%22", "/api/suggest?q=" + enc("a*"), "/api/articles/" + enc("a\"b") + "/related",
        "/api/authors/" + enc("\"\\"), "/api/archive/0", "/api/archive/2012/13")) {
      Response r = get(path);
      assertTrue(r.status() < 500, path + " gave " + r.status() + ": " + r.body());
    }
  }

  @Test
  void cursorsPageThroughEveryArticleOnceInEachOrder() throws Exception {
    for (String sort : List.of("relevance", "newest", "oldest")) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      String cursor = "";
      for (int pages = 0; pages < 20; pages++) {
        com.google.gson.JsonObject page = get("/api/search?q=&size=7&sort=" + sort + "&cursor=" + enc(cursor)).json();
        for (var h : page.getAsJsonArray("hits")) assertTrue(seen.add(h.getAsJsonObject().get("id").getAsString()), sort);
        if (page.get("nextCursor").isJsonNull()) break;
        cursor = page.get("nextCursor").getAsString();
      }
      // Every group once; on Solr a copy folded on one page may come back on a later one (README).
      long folded = get("/api/search?q=").json().get("duplicatesFolded").getAsLong();
      assertTrue(seen.size() >= summary.articles() - folded && seen.size() <= summary.articles(), sort + ": " + seen.size());
    }
  }

  @Test
  void theJournalRecordIsNeverAnArticle() throws Exception {
    assertEquals(404, get("/api/articles/" + SolrArticleSink.journalRecordId(solrDir.resolve("journal"))).status());
    assertEquals(summary.articles(), get("/api/search?q=").json().get("total").getAsLong());
  }

  @Test
  void initRefusesACollectionThatExists() {
    Run again = cli("solr", "init", "--solr-url", urls, "--collection", COLLECTION);
    assertEquals(2, again.code());
    assertTrue(again.err().contains("exists already"), again.err());
  }

  @Test
  void anUnreachableSolrIsOneLineNotAStackTrace() {
    Run down = cli("import", "--backend", "solr", "--solr-url", "http://127.0.0.1:9/solr", "--collection", COLLECTION,
        "--journal", solrDir.resolve("unreachable").toString(), "-q", SampleData.DIR.toString());
    assertEquals(1, down.code());
    assertTrue(down.err().startsWith("backfile: no Solr node answered"), down.err());
    assertEquals(1, down.err().strip().lines().count(), down.err());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void searchesStillAnswerInFullWhenANodeIsLost() throws Exception {
    long before = get("/api/search?q=" + enc("night train")).json().get("total").getAsLong();
    assertTrue(before > 0);
    cluster.stopNode(1);
    assertEquals(before, get("/api/search?q=" + enc("night train")).json().get("total").getAsLong());
    assertEquals(summary.articles(), get("/api/search?q=").json().get("total").getAsLong());
    for (SampleData.Expected e : SampleData.read().articles()) {
      assertEquals(200, get("/api/articles/" + idOf(e.file())).status(), e.file());
    }
    assertEquals(List.of(1, 1), List.copyOf(new SolrAdmin(collection).activeReplicas().values()));
  }
}
