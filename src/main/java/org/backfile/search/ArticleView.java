package org.backfile.search;

import java.util.ArrayList;
import java.util.Comparator;
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

  /** Copies listed on an article at most. */
  public static final int MAX_COPIES = 1000;
  /** The canonical copy: earliest dated (undated last), then the longest body, then the smallest id. */
  private static final Comparator<Article> CANONICAL_FIRST = Comparator
      .comparing((Article a) -> a.published() == null ? null : a.published().start(),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(a -> a.body().length(), Comparator.reverseOrder())
      .thenComparing(Article::id);

  public ArticleView {
    Objects.requireNonNull(article, "article");
    canonicalId = canonicalId == null ? article.id() : canonicalId;
    alsoPublishedAs = List.copyOf(alsoPublishedAs);
  }

  /** An article without copies. */
  public static ArticleView alone(Article article) {
    return new ArticleView(article, article.id(), List.of());
  }

  /**
   * An article among its group of copies, whichever backend found them.
   *
   * @param group every article of the group, the article itself included, in any order
   */
  public static ArticleView inGroup(Article article, List<Article> group) {
    List<Article> copies = new ArrayList<>(group);
    copies.sort(CANONICAL_FIRST);
    List<ArticleSummary> others = copies.stream().filter(c -> !c.id().equals(article.id()))
        .map(ArticleSummary::of).toList();
    return new ArticleView(article, copies.isEmpty() ? article.id() : copies.get(0).id(), others);
  }

  public boolean canonical() {
    return canonicalId.equals(article.id());
  }
}
