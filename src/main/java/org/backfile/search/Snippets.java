package org.backfile.search;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.backfile.index.ArticleSchema;

/**
 * The best passages of each hit's body with the matches in {@code <mark>}. The formatter escapes
 * the article text, so a snippet's only markup is ours. The body is indexed without positions or
 * offsets (they were a third of the index), so the highlighter re-analyses the hits' stored bodies.
 */
final class Snippets {

  private static final int PASSAGES = 2;
  private static final int MAX_BODY_CHARS = 200_000;

  private Snippets() {}

  static String[] of(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, ArticleSchema.analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(MAX_BODY_CHARS)
        .build();
    return highlighter.highlight(ArticleSchema.BODY, query, docs, PASSAGES);
  }
}
