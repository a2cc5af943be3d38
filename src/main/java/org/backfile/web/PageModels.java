package org.backfile.web;

import java.util.List;
import org.backfile.ingest.Article;
import org.backfile.search.ArchiveTree;
import org.backfile.search.ArticleList;
import org.backfile.search.AuthorCount;
import org.backfile.search.RelatedArticle;
import org.backfile.search.SearchPage;
import org.backfile.search.SearchRequest;

/** What each page template is given. Public because the compiled templates live in their own package. */
public final class PageModels {

  private PageModels() {}

  /** What every page's sidebar shows. */
  public record Sidebar(ArchiveTree archive, List<AuthorCount> authors) {}

  public record HomeModel(Sidebar sidebar, SearchPage newest) {}

  public record SearchModel(Sidebar sidebar, SearchRequest request, SearchPage page) {}

  public record ArticleModel(Sidebar sidebar, Article article, List<RelatedArticle> related) {}

  public record ListModel(Sidebar sidebar, String heading, String basePath, ArticleList list) {}

  public record ErrorModel(Sidebar sidebar, int status, String message) {}

}
