package org.backfile.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.backfile.index.ArticleSchema;

/**
 * The best passages of each hit's body with the matches in {@code <mark>}. The formatter escapes
 * the article text, so a snippet's only markup is ours. The body is indexed without positions or
 * offsets (they were a third of the index), so the highlighter re-analyses the hits' bodies, which
 * the caller hands over from the documents it has read for the hits (see {@link BodyHighlighter}).
 */
final class Snippets {

  private static final int PASSAGES = 2;
  private static final int MAX_BODY_CHARS = 200_000;
  private static final SnippetScorer SCORER = new SnippetScorer();

  private Snippets() {}

  /**
   * @param bodies each hit's stored body, in the order of {@code hits}
   * @return each hit's snippet, in the order of {@code hits}; null where a body is null or empty
   */
  static String[] of(IndexSearcher searcher, Query query, ScoreDoc[] hits, String[] bodies) throws IOException {
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, ArticleSchema.analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withScorer(SCORER)
        .withMaxLength(MAX_BODY_CHARS)
        // Weight matches mark a phrase as one span, but make the highlighter index each body in a
        // MemoryIndex first; for plain words, offsets from the token stream give the same marks.
        .withWeightMatches(hasPhrase(query));
    UnifiedHighlighter highlighter = new BodyHighlighter(builder, hits, bodies);
    int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
    return highlighter.highlightFields(new String[] {ArticleSchema.BODY}, query, docs, new int[] {PASSAGES})
        .get(ArticleSchema.BODY);
  }

  static boolean hasPhrase(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        if (leaf instanceof PhraseQuery || leaf instanceof MultiPhraseQuery) found[0] = true;
      }

      @Override
      public void visitLeaf(Query leaf) {
        if (leaf instanceof PhraseQuery || leaf instanceof MultiPhraseQuery) found[0] = true;
      }
    });
    return found[0];
  }
}
