package org.backfile.search;

import java.util.List;

/** A page of a list of articles, newest first. */
public record ArticleList(long total, int page, int size, List<ArticleSummary> articles) {

  public ArticleList {
    articles = List.copyOf(articles);
  }
}
