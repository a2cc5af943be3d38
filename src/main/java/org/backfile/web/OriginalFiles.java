package org.backfile.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backfile.ingest.Article;
import org.backfile.search.ArchiveSearch;
import spark.Response;

/**
 * The file an article came from, for "see the original". Only a path the index recorded at import
 * is ever opened (never one from the request), and only while it is still a regular file. Originals
 * are sent as attachments under a sandboxing policy, so a saved web page cannot run script here.
 */
final class OriginalFiles {

  private OriginalFiles() {}

  static boolean available(Article a) {
    Path p = path(a);
    return p != null && Files.isRegularFile(p) && Files.isReadable(p);
  }

  static Object send(ArchiveSearch search, String id, Response res) throws IOException {
    Article a = search.article(id).orElseThrow(() -> HttpError.notFound("No article with id '" + id + "'"));
    if (!available(a)) throw HttpError.notFound("The original file of this article is not available");
    Path file = path(a);
    res.type(a.contentType() == null ? "application/octet-stream" : a.contentType());
    res.header("Content-Disposition", "attachment; filename=\"" + file.getFileName().toString().replaceAll("[^\\w.\\-]", "_") + "\"");
    res.raw().setHeader("Content-Security-Policy", "sandbox; default-src 'none'"); // replaces the site-wide policy
    res.raw().setContentLengthLong(Files.size(file));
    try (InputStream in = Files.newInputStream(file); OutputStream out = res.raw().getOutputStream()) {
      in.transferTo(out);
    }
    return "";
  }

  /** A plain file path: not an archive entry ("a.zip!/b"), an upload or an API article. */
  private static Path path(Article a) {
    String s = a.source();
    if (s == null || s.contains("!/") || !s.startsWith("/")) return null;
    return Path.of(s);
  }
}
