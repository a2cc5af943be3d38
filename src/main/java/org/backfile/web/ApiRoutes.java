package org.backfile.web;

import java.util.List;
import java.util.Map;
import org.backfile.search.ArchiveSearch;
import com.google.gson.JsonObject;
import org.backfile.search.ArticleList;
import org.backfile.search.ArticleView;
import org.backfile.search.RelatedArticle;
import org.backfile.search.Histogram;
import org.backfile.search.SearchRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import spark.Request;
import spark.Response;
import spark.Service;

/** The JSON API. Every handler validates its parameters and returns a record for Gson. */
final class ApiRoutes {

  private static final int DEFAULT_SIZE = 10;

  private final ArchiveSearch search;

  ApiRoutes(ArchiveSearch search) {
    this.search = search;
  }

  void register(Service http) {
    http.get("/health", (req, res) -> json(res, Map.of("status", "ok", "articles", search.stats().articles())));
    http.get("/api/search", (req, res) -> json(res, search.search(searchRequest(req))));
    http.get("/api/articles/:id", (req, res) -> json(res, articleWithCopies(
        search.view(req.params(":id")).orElseThrow(() -> unknownArticle(req)))));
    http.get("/api/articles/:id/related", (req, res) -> {
      int size = Params.integer(req, "size", 5);
      List<RelatedArticle> related = search.related(req.params(":id"), size)
          .orElseThrow(() -> unknownArticle(req));
      return json(res, Map.of("related", related));
    });
    http.get("/api/archive", (req, res) -> json(res, search.archive()));
    http.get("/api/archive/:year", (req, res) -> json(res, period(req, false)));
    http.get("/api/archive/:year/:month", (req, res) -> json(res, period(req, true)));
    http.get("/api/authors", (req, res) -> json(res, search.authors()));
    http.get("/api/authors/:name", (req, res) -> {
      String name = req.params(":name");
      ArticleList list = search.byAuthor(name, Params.integer(req, "page", 1), Params.integer(req, "size", DEFAULT_SIZE));
      if (list.total() == 0) throw HttpError.notFound("No author named '" + name + "'");
      return json(res, new AuthorPage(name, list.total(), list.page(), list.size(), list.articles()));
    });
    http.get("/api/stats", (req, res) -> json(res, search.stats()));
    http.get("/api/histogram", (req, res) -> json(res, search.histogram(searchRequest(req),
        Histogram.Interval.parse(Params.string(req, "interval")))));
    http.get("/api/suggest", (req, res) -> json(res, Map.of("suggestions",
        search.suggest(Params.string(req, "q"), Params.integer(req, "size", 8)))));
    http.get("/api/export", this::export);
  }

  /** The search parameters, read once for the API, the pages, the export and the feeds alike. */
  static SearchRequest searchRequest(Request req) {
    SearchForm form = SearchForm.of(req);
    return form.toRequest(Params.integer(req, "size", DEFAULT_SIZE)).withPage(form.page(), Params.string(req, "cursor"));
  }

  /** Streams every match; the response is committed as it goes, so errors are found before it starts. */
  private Object export(Request req, Response res) throws IOException {
    String format = Params.string(req, "format") == null ? "csv" : Params.string(req, "format");
    SearchRequest request = searchRequest(req).withSize(SearchRequest.MAX_SIZE);
    ExportWriters.forFormat(format, Writer.nullWriter(), false); // validates the format
    search.search(request.withSize(1)); // validates the query before any byte is sent
    res.type(ExportWriters.contentType(format));
    res.header("Content-Disposition", "attachment; filename=\"backfile-export." + format.toLowerCase(java.util.Locale.ROOT) + "\"");
    HttpServletResponse raw = res.raw();
    raw.setStatus(200);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(raw.getOutputStream(), StandardCharsets.UTF_8))) {
      search.export(request, ExportWriters.forFormat(format, out, Params.bool(req, "body")));
    }
    return "";
  }

  private ArticleList period(Request req, boolean withMonth) {
    int year = Params.pathInt(req, ":year", "year");
    int month = withMonth ? Params.pathInt(req, ":month", "month") : 0;
    if (year < 1 || year > 9999 || month < 0 || month > 12) {
      throw HttpError.notFound("No archive for " + req.pathInfo().substring("/api/archive/".length()));
    }
    return search.period(year, month, Params.integer(req, "page", 1), Params.integer(req, "size", DEFAULT_SIZE));
  }

  /** The article's keys as {@link ArticleJson} has them, then its copies and which one is canonical. */
  private static JsonObject articleWithCopies(ArticleView view) {
    JsonObject json = Json.GSON.toJsonTree(ArticleJson.of(view.article())).getAsJsonObject();
    json.addProperty("canonicalId", view.canonicalId());
    json.add("alsoPublishedAs", Json.GSON.toJsonTree(view.alsoPublishedAs()));
    return json;
  }

  private static HttpError unknownArticle(Request req) {
    return HttpError.notFound("No article with id '" + req.params(":id") + "'");
  }

  private static String json(Response res, Object body) {
    res.type("application/json; charset=utf-8");
    return Json.GSON.toJson(body);
  }

  /** An author's articles. */
  record AuthorPage(String name, long total, int page, int size, List<org.backfile.search.ArticleSummary> articles) {}
}
