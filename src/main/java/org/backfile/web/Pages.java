package org.backfile.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import org.backfile.ingest.Article;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.ArchiveTree;
import org.backfile.search.ArticleList;
import org.backfile.search.AuthorCount;
import org.backfile.search.RelatedArticle;
import org.backfile.search.SearchPage;
import org.backfile.search.SearchRequest;
import spark.Request;
import spark.Response;
import spark.Service;
import org.backfile.web.PageModels.ArticleModel;
import org.backfile.web.PageModels.ErrorModel;
import org.backfile.web.PageModels.HomeModel;
import org.backfile.web.PageModels.ListModel;
import org.backfile.web.PageModels.SearchModel;
import org.backfile.web.PageModels.Sidebar;

/**
 * Server-rendered pages. Templates are jte, compiled at build time, and escape every value unless a
 * template says otherwise (only highlighted snippets, which the search layer has escaped).
 */
final class Pages {


  private static final int PAGE_SIZE = 10;
  private static final int RELATED = 5;
  private static final int SIDEBAR_AUTHORS = 12;

  private final ArchiveSearch search;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  Pages(ArchiveSearch search) {
    this.search = search;
  }

  void register(Service http) {
    http.get("/", (req, res) -> html(res, "home.jte", new HomeModel(sidebar(),
        search.search(new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST,
            Params.integer(req, "page", 1), PAGE_SIZE)))));
    http.get("/search", (req, res) -> {
      SearchRequest request = ApiRoutes.searchRequest(req);
      return html(res, "search.jte", new SearchModel(sidebar(), request, search.search(request)));
    });
    http.get("/articles/:id", this::article);
    http.get("/articles/:id/:slug", this::article);
    http.get("/archive/:year", (req, res) -> period(req, res, false));
    http.get("/archive/:year/:month", (req, res) -> period(req, res, true));
    http.get("/authors/:name", (req, res) -> {
      String name = req.params(":name");
      ArticleList list = search.byAuthor(name, Params.integer(req, "page", 1), PAGE_SIZE);
      if (list.total() == 0) throw HttpError.notFound("No author named '" + name + "'");
      return html(res, "list.jte", new ListModel(sidebar(), "Articles by " + name, View.authorUrl(name), list));
    });
  }

  String error(int status, String message) {
    return render("error.jte", new ErrorModel(sidebarOrEmpty(), status, message));
  }

  private Object article(Request req, Response res) {
    String id = req.params(":id");
    Article article = search.article(id)
        .orElseThrow(() -> HttpError.notFound("No article with id '" + id + "'"));
    List<RelatedArticle> related = search.related(id, RELATED).orElse(List.of());
    return html(res, "article.jte", new ArticleModel(sidebar(), article, related));
  }

  private Object period(Request req, Response res, boolean withMonth) {
    int year = Params.pathInt(req, ":year", "year");
    int month = withMonth ? Params.pathInt(req, ":month", "month") : 0;
    if (year < 1 || year > 9999 || month < 0 || month > 12) {
      throw HttpError.notFound("No archive page for " + req.pathInfo());
    }
    ArticleList list = search.period(year, month, Params.integer(req, "page", 1), PAGE_SIZE);
    String heading = month == 0 ? "Articles from " + year : View.monthName(month) + " " + year;
    String base = month == 0 ? "/archive/" + year : View.monthUrl(year, month);
    return html(res, "list.jte", new ListModel(sidebar(), heading, base, list));
  }

  private Sidebar sidebar() {
    List<AuthorCount> authors = search.authors();
    return new Sidebar(search.archive(), authors.subList(0, Math.min(SIDEBAR_AUTHORS, authors.size())));
  }

  private Sidebar sidebarOrEmpty() {
    try {
      return sidebar();
    } catch (RuntimeException e) {
      return new Sidebar(new ArchiveTree(List.of(), 0), List.of());
    }
  }

  private String html(Response res, String template, Object model) {
    res.type("text/html; charset=utf-8");
    return render(template, model);
  }

  private String render(String template, Object model) {
    StringOutput out = new StringOutput();
    templates.render(template, Map.of("model", model), out);
    return out.toString();
  }
}
