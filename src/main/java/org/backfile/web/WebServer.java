package org.backfile.web;

import org.backfile.search.ArchiveSearch;
import org.backfile.search.ArchiveUserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The HTTP face of an archive: JSON under {@code /api}, pages everywhere else. Building and starting
 * are separate: {@link #create} wires the routes, {@link #start} listens.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final Service http;
  private final Pages pages;

  private WebServer(Service http, Pages pages) {
    this.http = http;
    this.pages = pages;
  }

  /**
   * @param host the address to listen on ({@code 127.0.0.1} for this machine only)
   * @param port 0 for any free port; read the chosen one from {@link #port()}
   */
  public static WebServer create(ArchiveSearch search, String host, int port) {
    return create(search, WriteConfig.disabled(), host, port);
  }

  /**
   * @param writes whether {@code POST}/{@code DELETE /api/articles} are accepted, and with which token
   */
  public static WebServer create(ArchiveSearch search, WriteConfig writes, String host, int port) {
    Service http = Service.ignite().ipAddress(host).port(port).threadPool(32, 4, 30_000);
    // Static files must be set before any route: the stylesheet, served from the jar.
    http.staticFiles.location("/public");
    http.staticFiles.expireTime(3600);
    Pages pages = new Pages(search);
    WebServer server = new WebServer(http, pages);
    http.before((req, res) -> SecurityHeaders.apply(res));
    new ApiRoutes(search).register(http);
    new WriteRoutes(writes).register(http);
    new FeedRoutes(search).register(http);
    pages.register(http);
    server.mapErrors();
    return server;
  }

  public WebServer start() {
    http.init();
    http.awaitInitialization();
    log.info("serving on http://{}:{}/", "localhost", http.port());
    return this;
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.stop();
    http.awaitStop();
  }

  private void mapErrors() {
    http.exception(ArchiveUserException.class, (e, req, res) ->
        error(req, res, 400, new ErrorBody(e.code(), e.getMessage())));
    http.exception(HttpError.class, (e, req, res) ->
        error(req, res, e.status(), new ErrorBody(e.code(), e.getMessage())));
    http.exception(Exception.class, (e, req, res) -> {
      log.error("{} {} failed", req.requestMethod(), req.pathInfo(), e);
      error(req, res, 500, new ErrorBody("internal", "Unexpected error; it has been logged."));
    });
    http.notFound((req, res) -> {
      ErrorBody body = new ErrorBody("not_found", "No page at " + req.pathInfo());
      return render(req, res, 404, body);
    });
    http.internalServerError((req, res) ->
        render(req, res, 500, new ErrorBody("internal", "Unexpected error; it has been logged.")));
  }

  private void error(Request req, Response res, int status, ErrorBody body) {
    res.body(render(req, res, status, body));
  }

  private String render(Request req, Response res, int status, ErrorBody body) {
    res.status(status);
    if (isApi(req)) {
      res.type("application/json; charset=utf-8");
      return Json.GSON.toJson(body);
    }
    res.type("text/html; charset=utf-8");
    return pages.error(status, body.message());
  }

  static boolean isApi(Request req) {
    String path = req.pathInfo();
    return path != null && (path.startsWith("/api/") || path.equals("/api") || path.equals("/health"));
  }
}
