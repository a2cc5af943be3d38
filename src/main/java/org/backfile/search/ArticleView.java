package org.backfile.search;

import java.util.List;
import java.util.Objects;
import org.backfile.ingest.Article;

/**
 * An article with its copies: syndicated or reprinted versions found in the archive (same body, or
 * nearly). One of them is canonical: the earliest dated, then the longest body, then the smallest id.
 *
 * @param canonicalId the canonical copy's id (the article's own when it has no copies)
 * @param alsoPublishedAs the other copies, canonical first, then in the same order
 */
public record ArticleView(Article article, String canonicalId, List<ArticleSummary> alsoPublishedAs) {

  public ArticleView {
    Objects.requireNonNull(article, "article");
    canonicalId = canonicalId == null ? article.id() : canonicalId;
    alsoPublishedAs = List.copyOf(alsoPublishedAs);
  }

  /** An article without copies. */
  public static ArticleView alone(Article article) {
    return new ArticleView(article, article.id(), List.of());
  }

  public boolean canonical() {
    return canonicalId.equals(article.id());
  }
}
