package org.backfile.search;

import java.util.List;
import java.util.Optional;
import org.backfile.ingest.Article;

/**
 * Everything the web pages, the JSON API and the CLI ask of an archive. The embedded Lucene index
 * implements it; a distributed backend can implement it too, and nothing above notices.
 */
public interface ArchiveSearch {

  SearchPage search(SearchRequest request);

  Optional<Article> article(String id);

  /** An article with the other copies of it in the archive ("also published as"). */
  default Optional<ArticleView> view(String id) {
    return article(id).map(ArticleView::alone);
  }

  /**
   * Articles like the given one, best first, never the article itself nor its copies, and each
   * group of copies once.
   *
   * @return empty when the id is unknown
   */
  Optional<List<RelatedArticle>> related(String id, int size);

  ArchiveTree archive();

  /**
   * Articles of one year ({@code month == 0}) or one month, newest first. An article dated only to
   * the year appears on its year's page, not on a month's.
   */
  ArticleList period(int year, int month, int page, int size);

  /** Every author with their number of articles, most prolific first. */
  List<AuthorCount> authors();

  /** An author's articles, newest first (total 0 when the name is unknown). */
  ArticleList byAuthor(String name, int page, int size);

  ArchiveStats stats();

  /** How many articles match per year or month, with the same filters as {@link #search}. */
  Histogram histogram(SearchRequest request, Histogram.Interval interval);

  /**
   * A page of hits with the timeline of all matches, as the search page shows them. A backend that
   * counts years and months while it searches overrides this to do it in one pass.
   */
  default SearchWithTimeline searchWithTimeline(SearchRequest request) {
    return new SearchWithTimeline(search(request), SearchWithTimeline.timeline(i -> histogram(request, i)));
  }

  /**
   * Streams every match (no cap) from one consistent view of the index, in the request's order;
   * memory stays flat however many rows there are.
   *
   * @return the number of rows written
   */
  long export(SearchRequest request, ExportSink sink) throws java.io.IOException;

  /** Titles and author names that complete what a reader is typing. */
  List<Suggestion> suggest(String prefix, int size);
}
