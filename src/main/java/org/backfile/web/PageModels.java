package org.backfile.web;

import java.util.List;
import java.util.Map;
import org.backfile.ingest.Article;
import org.backfile.search.ArchiveTree;
import org.backfile.search.ArticleList;
import org.backfile.search.AuthorCount;
import org.backfile.search.RelatedArticle;
import org.backfile.search.SearchPage;

/** What each page template is given. Public because the compiled templates live in their own package. */
public final class PageModels {

  private PageModels() {}

  /** What every page's sidebar shows. */
  public record Sidebar(ArchiveTree archive, List<AuthorCount> authors) {}

  /**
   * What goes into a page's head: its title, a description for link previews, the canonical path
   * and the previous/next page of a paged list (each null when there is none).
   */
  public record Meta(String title, String description, String canonical, String ogType, String prev,
      String next) {

    static Meta page(String title, String description, String canonical) {
      return new Meta(title, description, canonical, "website", null, null);
    }

    Meta paged(String prev, String next) {
      return new Meta(title, description, canonical, ogType, prev, next);
    }
  }

  /** Page numbers of a paged list and how to link to each. */
  public record Pager(int page, long pages, String base) {

    static Pager of(String base, int page, long total, int size) {
      return new Pager(page, View.pages(total, size), base);
    }

    public String url(int n) {
      return base + (n > 1 ? (base.contains("?") ? "&" : "?") + "page=" + n : "");
    }

    public String prev() {
      return page > 1 ? url(page - 1) : null;
    }

    public String next() {
      return page < pages ? url(page + 1) : null;
    }
  }

  public record HomeModel(Meta meta, Sidebar sidebar, SearchPage newest, Pager pager) {}

  public record SearchModel(Meta meta, Sidebar sidebar, SearchForm form, SearchPage page, Pager pager,
      Timeline timeline) {}

  public record ArticleModel(Meta meta, Sidebar sidebar, Article article, List<RelatedArticle> related,
      List<org.backfile.search.ArticleSummary> alsoPublishedAs, boolean original) {}

  /** A month's articles. */
  public record ListModel(Meta meta, Sidebar sidebar, String heading, ArticleList list, Pager pager) {}

  /** A year: its months with counts, then its articles. */
  public record YearModel(Meta meta, Sidebar sidebar, int year, List<ArchiveTree.Month> months,
      ArticleList list, Pager pager) {}

  /** An author: articles per year, then their articles. */
  public record AuthorModel(Meta meta, Sidebar sidebar, String name, Map<String, Long> years,
      ArticleList list, Pager pager) {}

  /** Every year, month and author. */
  public record ArchiveModel(Meta meta, Sidebar sidebar, List<AuthorCount> authors) {}

  public record ErrorModel(Meta meta, Sidebar sidebar, int status, String message) {}
}
