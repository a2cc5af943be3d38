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
import org.backfile.search.SearchWithTimeline;
import org.backfile.web.PageModels.ArchiveModel;
import org.backfile.web.PageModels.ArticleModel;
import org.backfile.web.PageModels.AuthorModel;
import org.backfile.web.PageModels.ErrorModel;
import org.backfile.web.PageModels.HomeModel;
import org.backfile.web.PageModels.ListModel;
import org.backfile.web.PageModels.Meta;
import org.backfile.web.PageModels.Pager;
import org.backfile.web.PageModels.SearchModel;
import org.backfile.web.PageModels.Sidebar;
import org.backfile.web.PageModels.YearModel;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Server-rendered pages. Templates are jte, compiled at build time, and escape every value unless a
 * template says otherwise (only highlighted snippets, which the search layer has escaped).
 */
final class Pages {

  private static final int PAGE_SIZE = 10;
  private static final int RELATED = 5;
  private static final int SIDEBAR_AUTHORS = 12;
  private static final String SITE = "A searchable archive of articles, by year, month and author.";

  private final ArchiveSearch search;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  Pages(ArchiveSearch search) {
    this.search = search;
  }

  void register(Service http) {
    http.get("/", this::home);
    http.get("/search", this::search);
    http.get("/articles/:id/original", (req, res) -> OriginalFiles.send(search, req.params(":id"), res));
    http.get("/articles/:id", this::article);
    http.get("/articles/:id/:slug", this::article);
    http.get("/archive", (req, res) -> html(res, "archive.jte", new ArchiveModel(
        Meta.page("Archive", "Every year, month and author in the archive.", "/archive"), sidebar(), search.authors())));
    http.get("/archive/:year", this::year);
    http.get("/archive/:year/:month", this::month);
    http.get("/authors/:name", this::author);
  }

  String error(int status, String message) {
    String title = status == 404 ? "Not found" : status == 400 ? "Cannot show that" : "Error";
    return render("error.jte", new ErrorModel(new Meta(title, message, null, "website", null, null),
        sidebarOrEmpty(), status, message));
  }

  private Object home(Request req, Response res) {
    int page = Params.integer(req, "page", 1);
    SearchPage newest = search.search(new SearchRequest("", null, null, null, null,
        SearchRequest.Sort.NEWEST, page, PAGE_SIZE));
    Pager pager = Pager.of("/", page, newest.total(), PAGE_SIZE);
    Meta meta = Meta.page(page == 1 ? "Newest articles" : "Newest articles, page " + page, SITE, pager.url(page));
    return html(res, "home.jte", new HomeModel(meta.paged(pager.prev(), pager.next()), sidebar(), newest, pager));
  }

  private Object search(Request req, Response res) {
    SearchForm form = SearchForm.of(req);
    SearchRequest request = form.toRequest(Params.integer(req, "size", PAGE_SIZE));
    SearchWithTimeline result = search.searchWithTimeline(request);
    SearchPage page = result.page();
    Timeline timeline = Timeline.of(result.timeline(), form::periodUrl);
    Pager pager = Pager.of(form.pageUrl(1), form.page(), page.total(), page.size());
    String title = form.q().isBlank() ? "All articles" : "Search: " + form.q();
    Meta meta = new Meta(title, page.total() + " articles match.", null, "website", pager.prev(), pager.next());
    return html(res, "search.jte", new SearchModel(meta, sidebar(), form, page, pager, timeline));
  }

  /** Renders with or without the right slug; the canonical link names the slugged URL. */
  private Object article(Request req, Response res) {
    String id = req.params(":id");
    org.backfile.search.ArticleView view = search.view(id)
        .orElseThrow(() -> HttpError.notFound("No article with id '" + id + "'"));
    Article article = view.article();
    List<RelatedArticle> related = search.related(id, RELATED).orElse(List.of());
    String description = article.summary() != null ? article.summary() : article.body();
    Meta meta = new Meta(article.title().isBlank() ? "(untitled)" : article.title(),
        View.shorten(description, 200), View.articleUrl(article.id(), article.title()), "article", null, null);
    return html(res, "article.jte", new ArticleModel(meta, sidebar(), article, related,
        view.alsoPublishedAs(), OriginalFiles.available(article)));
  }

  private Object year(Request req, Response res) {
    int year = Params.pathInt(req, ":year", "year");
    checkPeriod(req, year, 0);
    int page = Params.integer(req, "page", 1);
    ArticleList list = search.period(year, 0, page, PAGE_SIZE);
    Sidebar sidebar = sidebar();
    List<ArchiveTree.Month> months = sidebar.archive().years().stream()
        .filter(y -> y.year() == year).findFirst().map(ArchiveTree.Year::months).orElse(List.of());
    if (list.total() == 0) throw HttpError.notFound("Nothing in the archive from " + year);
    Pager pager = Pager.of("/archive/" + year, page, list.total(), PAGE_SIZE);
    Meta meta = Meta.page("Articles from " + year, list.total() + " articles from " + year + ".", pager.url(page))
        .paged(pager.prev(), pager.next());
    return html(res, "year.jte", new YearModel(meta, sidebar, year, months, list, pager));
  }

  private Object month(Request req, Response res) {
    int year = Params.pathInt(req, ":year", "year");
    int month = Params.pathInt(req, ":month", "month");
    checkPeriod(req, year, month);
    if (month == 0) throw HttpError.notFound("No archive page for " + req.pathInfo());
    int page = Params.integer(req, "page", 1);
    ArticleList list = search.period(year, month, page, PAGE_SIZE);
    String heading = View.monthName(month) + " " + year;
    Pager pager = Pager.of(View.monthUrl(year, month), page, list.total(), PAGE_SIZE);
    Meta meta = Meta.page(heading, list.total() + " articles from " + heading + ".", pager.url(page))
        .paged(pager.prev(), pager.next());
    return html(res, "list.jte", new ListModel(meta, sidebar(), heading, list, pager));
  }

  private Object author(Request req, Response res) {
    String name = req.params(":name");
    int page = Params.integer(req, "page", 1);
    ArticleList list = search.byAuthor(name, page, PAGE_SIZE);
    if (list.total() == 0) throw HttpError.notFound("No author named '" + name + "'");
    Map<String, Long> years = View.newestYearFirst(search.search(new SearchRequest("", name, null, null, null,
        SearchRequest.Sort.NEWEST, 1, 1)).facets().getOrDefault("year", Map.of()));
    Pager pager = Pager.of(View.authorUrl(name), page, list.total(), PAGE_SIZE);
    Meta meta = Meta.page("Articles by " + name, list.total() + " articles by " + name + ".", pager.url(page))
        .paged(pager.prev(), pager.next());
    return html(res, "author.jte", new AuthorModel(meta, sidebar(), name, years, list, pager));
  }

  private static void checkPeriod(Request req, int year, int month) {
    if (year < 1 || year > 9999 || month < 0 || month > 12) {
      throw HttpError.notFound("No archive page for " + req.pathInfo());
    }
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
