package org.backfile.web;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.servlet.MultipartConfigElement;
import javax.servlet.ServletException;
import javax.servlet.http.Part;
import org.backfile.ingest.Article;
import org.backfile.ingest.ArticleIds;
import org.backfile.ingest.ExtractionException;
import org.backfile.ingest.FileExtractor;
import org.backfile.ingest.PartialDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code POST /api/articles} (a file upload, or an article as JSON) and
 * {@code DELETE /api/articles/{id}}: only with the configured bearer token. An added article is
 * searchable by the time the 201 is sent.
 */
final class WriteRoutes {

  private static final Logger log = LoggerFactory.getLogger(WriteRoutes.class);
  /** Multipart headers and boundaries on top of the file itself. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;
  /** Parts up to this size stay in memory; larger ones go to a temporary file Jetty deletes. */
  private static final int IN_MEMORY_PART_BYTES = 1024 * 1024;

  private final WriteConfig config;
  private final byte[] tokenDigest;

  WriteRoutes(WriteConfig config) {
    this.config = config;
    this.tokenDigest = config.enabled() ? UploadNames.sha256(config.token()) : null;
  }

  void register(Service http) {
    http.post("/api/articles", this::add);
    http.delete("/api/articles/:id", this::delete);
  }

  private Object add(Request req, Response res) throws IOException {
    authorise(req, res);
    long length = req.raw().getContentLengthLong();
    if (length > config.maxUploadBytes() + MULTIPART_OVERHEAD) throw tooLarge();
    String type = req.contentType() == null ? "" : req.contentType().toLowerCase(Locale.ROOT);
    List<Article> articles;
    if (type.startsWith("multipart/form-data")) {
      articles = fromUpload(req);
    } else if (type.startsWith("application/json")) {
      articles = List.of(fromJson(readBody(req)));
    } else {
      throw new HttpError(415, "unsupported_media_type",
          "Send a file as multipart/form-data (field 'file') or an article as application/json");
    }
    List<Added> added = new ArrayList<>();
    for (Article a : articles) {
      Article stored = config.writer().add(a.withoutProvenance());
      added.add(new Added(stored.id(), stored.title(), stored.source(), location(stored.id())));
    }
    Added first = added.get(0);
    res.status(201);
    res.header("Location", first.location());
    return json(res, new Created(first.id(), first.title(), first.source(), first.location(), added));
  }

  private Object delete(Request req, Response res) {
    authorise(req, res);
    String id = req.params(":id");
    if (!config.writer().delete(id)) throw HttpError.notFound("No article with id '" + id + "'");
    res.status(204);
    return "";
  }

  /** 403 when writes are off, 401 without the right token; compared in constant time. */
  private void authorise(Request req, Response res) {
    if (!config.enabled()) {
      throw new HttpError(403, "writes_disabled",
          "This server does not accept changes; start it with --token-file or BACKFILE_TOKEN to allow them");
    }
    String header = req.headers("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    String given = bearer ? header.substring(7).strip() : "";
    if (!MessageDigest.isEqual(UploadNames.sha256(given), tokenDigest)) {
      res.header("WWW-Authenticate", bearer
          ? "Bearer realm=\"backfile\", error=\"invalid_token\"" : "Bearer realm=\"backfile\"");
      throw new HttpError(401, "unauthorized",
          bearer ? "The bearer token is not valid" : "Send 'Authorization: Bearer <token>' to change the archive");
    }
  }

  private List<Article> fromUpload(Request req) throws IOException {
    req.raw().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement("",
        config.maxUploadBytes(), config.maxUploadBytes() + MULTIPART_OVERHEAD, IN_MEMORY_PART_BYTES));
    Part part;
    try {
      part = req.raw().getPart("file");
    } catch (IllegalStateException e) {
      throw tooLarge(); // Jetty's signal that a limit of the multipart config was passed
    } catch (ServletException | IOException e) {
      throw new HttpError(400, "bad_upload", "The upload is not valid multipart/form-data");
    }
    if (part == null) throw new HttpError(400, "missing_file", "Send the file in a form field named 'file'");
    String name = UploadNames.sanitise(part.getSubmittedFileName());
    byte[] content;
    try (InputStream in = part.getInputStream()) {
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxUploadBytes() + 1));
    }
    if (content.length > config.maxUploadBytes()) throw tooLarge();
    String source = UploadNames.uploadSource(content, name);
    try {
      List<Article> articles = new FileExtractor(config.maxUploadBytes(), FileExtractor.DEFAULT_MAX_CHARS)
          .extract(content, name, source);
      if (articles.isEmpty()) throw new HttpError(422, "extraction_failed", "The file holds no article");
      return articles;
    } catch (ExtractionException e) {
      log.warn("upload {} refused: {} ({})", name, e.getMessage(), e.reason().label());
      throw new HttpError(422, "extraction_failed",
          "Could not read an article from the file (" + e.reason().label() + "): " + e.getMessage());
    }
  }

  private byte[] readBody(Request req) throws IOException {
    try (InputStream in = req.raw().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxUploadBytes() + 1));
      if (body.length > config.maxUploadBytes()) throw tooLarge();
      return body;
    }
  }

  /** An article from JSON: title and body required; authors, published, section, tags, url, summary optional. */
  static Article fromJson(byte[] body) {
    ArticleInput in;
    try {
      in = Json.GSON.fromJson(new String(body, StandardCharsets.UTF_8), ArticleInput.class);
    } catch (JsonParseException e) {
      throw new HttpError(400, "bad_json", "The body is not a JSON article object");
    }
    if (in == null || in.title() == null || in.title().isBlank() || in.body() == null || in.body().isBlank()) {
      throw new HttpError(400, "invalid_article", "An article needs a non-empty 'title' and 'body'");
    }
    PartialDate published;
    try {
      published = in.published() == null || in.published().isBlank() ? null : PartialDate.parse(in.published());
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "invalid_article", "published: " + e.getMessage());
    }
    String source = UploadNames.jsonSource(body);
    return new Article(source, ArticleIds.of(source, 0), in.title().strip(), nonBlank(in.authors()), published,
        in.publication(), in.section(), nonBlank(in.tags()), in.url(), in.language(), in.summary(),
        in.body().strip(), "application/json", List.of(), null);
  }

  private static List<String> nonBlank(List<String> values) {
    if (values == null) return List.of();
    return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  private HttpError tooLarge() {
    return new HttpError(413, "too_large",
        "The upload is larger than the limit of " + config.maxUploadBytes() / (1024 * 1024) + " MB ("
            + config.maxUploadBytes() + " bytes)");
  }

  private static String location(String id) {
    return "/api/articles/" + id;
  }

  private static String json(Response res, Object body) {
    res.type("application/json; charset=utf-8");
    return Json.GSON.toJson(body);
  }

  /** What a client may send as an article. */
  record ArticleInput(String title, String body, List<String> authors, String published, String publication,
      String section, List<String> tags, String url, String language, String summary) {}

  /** One article that was added. */
  record Added(String id, String title, String source, String location) {}

  /** The answer to an add: the first article, and every article when a file held several. */
  record Created(String id, String title, String source, String location, List<Added> articles) {}
}
