package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.backfile.DuplicateArticles;
import org.backfile.index.ArchiveIndex;
import org.backfile.search.IndexArchiveWriter;
import org.backfile.search.LuceneArchiveSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST and DELETE /api/articles: refused without a configured token, and searchable at once with it. */
class WriteApiIT {

  private static final String TOKEN = "correct-horse-battery-staple";
  private static final long MAX_UPLOAD = 64 * 1024;
  private static final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  static Path dir;

  private static ArchiveIndex index;
  private static WebServer writable;
  private static WebServer readOnly;

  @BeforeAll
  static void start() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    LuceneArchiveSearch search = new LuceneArchiveSearch(index);
    writable = WebServer.create(search, new WriteConfig(new IndexArchiveWriter(index), TOKEN, MAX_UPLOAD),
        "127.0.0.1", 0).start();
    readOnly = WebServer.create(search, WriteConfig.disabled(), "127.0.0.1", 0).start();
  }

  @AfterAll
  static void stop() throws Exception {
    writable.close();
    readOnly.close();
    index.close();
  }

  private static HttpRequest.Builder to(WebServer server, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(to(writable, path).build());
  }

  private static HttpRequest postJson(WebServer server, String token, String json) {
    HttpRequest.Builder b = to(server, "/api/articles").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.build();
  }

  private static HttpRequest upload(String fileName, byte[] content) {
    String boundary = "----backfile-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return to(writable, "/api/articles").header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  private static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static long total(String query) throws Exception {
    return json(get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).get("total").getAsLong();
  }

  private static final String HTML = """
      <!doctype html><html><head><title>Lighthouse keeper retires | Coast Gazette</title></head>
      <body><article><h1>Lighthouse keeper retires</h1>
      <p>After forty years the keeper of the Skerry light climbed the zebrastriped tower for the last time on Friday.</p>
      <p>He said he would miss the storms more than the calm days, and that the lamp had never once gone out.</p>
      </article></body></html>""";

  @Test
  void writesAreRefusedWith403WhenNoTokenIsConfigured() throws Exception {
    HttpResponse<String> post = send(postJson(readOnly, TOKEN, "{\"title\":\"T\",\"body\":\"B\"}"));
    assertEquals(403, post.statusCode());
    assertEquals("writes_disabled", json(post).get("error").getAsString());
    HttpResponse<String> delete = send(to(readOnly, "/api/articles/abc").header("Authorization", "Bearer " + TOKEN)
        .DELETE().build());
    assertEquals(403, delete.statusCode());
  }

  @Test
  void aWrongOrMissingTokenIsRefusedWith401AndABearerChallenge() throws Exception {
    for (String token : new String[] {"wrong-token-of-some-length", null}) {
      HttpResponse<String> r = send(postJson(writable, token, "{\"title\":\"Nope\",\"body\":\"Never stored\"}"));
      assertEquals(401, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
      assertEquals("unauthorized", json(r).get("error").getAsString());
    }
    assertEquals(0, total("stored"));
  }

  @Test
  void anUploadedHtmlFileIsSearchableAtOnce() throws Exception {
    HttpResponse<String> r = send(upload("lighthouse.html", HTML.getBytes(StandardCharsets.UTF_8)));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject created = json(r);
    assertEquals("Lighthouse keeper retires", created.get("title").getAsString());
    assertTrue(created.get("source").getAsString().matches("upload:[0-9a-f]{64}/lighthouse\\.html"));
    String location = r.headers().firstValue("location").orElseThrow();
    assertEquals("/api/articles/" + created.get("id").getAsString(), location);
    assertEquals(1, total("zebrastriped"));
    assertEquals(200, get(location).statusCode());
  }

  @Test
  void aJsonArticleIsSearchableAtOnce() throws Exception {
    HttpResponse<String> r = send(postJson(writable, TOKEN, """
        {"title": "Quayside market returns", "body": "The quayside market returns with marmalade stalls.",
         "authors": ["Ana Ruiz"], "published": "2013-05-02", "section": "Town", "tags": ["markets"],
         "url": "https://example.org/market", "summary": "Stalls are back."}"""));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject article = json(get(r.headers().firstValue("location").orElseThrow()));
    assertEquals("Quayside market returns", article.get("title").getAsString());
    assertEquals("2013-05-02", article.get("published").getAsString());
    assertEquals("Ana Ruiz", article.getAsJsonArray("authors").get(0).getAsString());
    assertEquals(1, total("marmalade"));
  }

  @Test
  void deleteRemovesTheArticle() throws Exception {
    HttpResponse<String> r = send(postJson(writable, TOKEN,
        "{\"title\":\"Short lived\",\"body\":\"An ephemeral gooseberry article.\"}"));
    String location = r.headers().firstValue("location").orElseThrow();
    assertEquals(1, total("gooseberry"));
    HttpRequest delete = to(writable, location).header("Authorization", "Bearer " + TOKEN).DELETE().build();
    assertEquals(204, send(delete).statusCode());
    assertEquals(404, get(location).statusCode());
    assertEquals(0, total("gooseberry"));
    assertEquals(404, send(delete).statusCode());
  }

  @Test
  void anOversizedUploadIsRefusedWith413() throws Exception {
    byte[] big = ("<p>" + "word ".repeat((int) MAX_UPLOAD) + "</p>").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = send(upload("big.html", big));
    assertEquals(413, r.statusCode(), r.body());
    assertEquals("too_large", json(r).get("error").getAsString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd.html", "..\\\\windows\\\\evil.html", "a/../../b.html"})
  void fileNamesThatClimbOutOfTheirFolderAreRefused(String name) throws Exception {
    HttpResponse<String> r = send(upload(name, HTML.getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("bad_file_name", json(r).get("error").getAsString());
  }

  @Test
  void foldersInFileNamesAreStripped() throws Exception {
    HttpResponse<String> r = send(upload("/var/www/news/keeper.html", HTML.replace("zebrastriped", "chequered")
        .getBytes(StandardCharsets.UTF_8)));
    assertEquals(201, r.statusCode(), r.body());
    String source = json(r).get("source").getAsString();
    assertTrue(source.endsWith("/keeper.html") && !source.contains("/var/"), source);
  }

  @Test
  void aFileWithoutAnArticleIsRefusedWith422() throws Exception {
    HttpResponse<String> r = send(upload("empty.txt", new byte[0]));
    assertEquals(422, r.statusCode(), r.body());
    assertEquals("extraction_failed", json(r).get("error").getAsString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"title\":\"No body\"}", "{\"body\":\"No title\"}",
      "{\"title\":\"T\",\"body\":\"B\",\"published\":\"last week\"}", "[1,2]"})
  void badJsonArticlesAreRefusedWith400(String body) throws Exception {
    HttpResponse<String> r = send(postJson(writable, TOKEN, body));
    assertEquals(400, r.statusCode(), r.body());
    assertFalse(r.body().contains("Exception"), r.body());
  }

  @Test
  void anAddedReprintJoinsItsOriginalsGroup() throws Exception {
    String original = Json.GSON.toJson(new WriteRoutes.ArticleInput("Harbour board votes to close the old ferry terminal",
        DuplicateArticles.text("original.txt"), null, "2012-04-01", "Coast Gazette", null, null, null, null, null));
    String reprint = Json.GSON.toJson(new WriteRoutes.ArticleInput("Ferry terminal to shut after eighty years",
        DuplicateArticles.text("reprint.txt"), null, "2012-04-05", "Weekly Star", null, null, null, null, null));
    String originalId = json(send(postJson(writable, TOKEN, original))).get("id").getAsString();
    String reprintId = json(send(postJson(writable, TOKEN, reprint))).get("id").getAsString();
    JsonObject view = json(get("/api/articles/" + originalId));
    assertEquals(originalId, view.get("canonicalId").getAsString());
    assertEquals(reprintId, view.getAsJsonArray("alsoPublishedAs").get(0).getAsJsonObject().get("id").getAsString());
    JsonObject page = json(get("/api/search?q=hospital"));
    assertEquals(1, page.getAsJsonArray("hits").size());
    assertEquals(1, page.get("duplicatesFolded").getAsLong());
  }
}
