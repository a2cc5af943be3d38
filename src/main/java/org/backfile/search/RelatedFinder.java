package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;

/**
 * "More like this": the article's most distinctive title and body terms (tf·idf, see
 * {@link LikeTerms}), searched with BM25, the article itself and its copies (its duplicate group)
 * excluded, each other group shown once (see {@link TopGroupsCollector}). A hit must score at least a share of the best possible match
 * so that an article with no real neighbours gets an empty sidebar rather than a wrong one.
 */
final class RelatedFinder {

  private static final int MAX_QUERY_TERMS = 15;
  /** Hits below this share of the article's score against itself are left out. */
  private static final float MIN_SHARE_OF_SELF = 0.08f;

  private RelatedFinder() {}

  static List<RelatedArticle> find(IndexSearcher searcher, DocFreqCache docFreqs, DuplicateCounter duplicates,
      int docId, Article article, int size)
      throws IOException {
    // One flat disjunction of the title's and the body's terms (the same sum of scores as two
    // nested ones), so that MaxScore can skip over every term's postings at once.
    LikeTerms terms = new LikeTerms(searcher.getIndexReader(), docFreqs, ArticleSchema.analyzer(), MAX_QUERY_TERMS,
        2, 3);
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    terms.addTo(like, ArticleSchema.TITLE, article.title());
    terms.addTo(like, ArticleSchema.BODY, article.body());
    Query likeQuery = like.build();

    var stored = searcher.storedFields();
    // The article and its copies ("also published as", not related reading) are left out while
    // collecting rather than by MUST_NOT clauses, so the same pass gives the article's own score;
    // copies of a hit are folded into it while collecting too.
    int[][] groupNumbers = duplicates.groupNumbers(searcher.getIndexReader());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leaf = ReaderUtil.subIndex(docId, leaves);
    int ownGroup = groupNumbers[leaf] == null ? 0 : groupNumbers[leaf][docId - leaves.get(leaf).docBase];
    TopGroupsCollector.Result top = searcher.search(likeQuery,
        TopGroupsCollector.manager(size, groupNumbers, docId, ownGroup));
    float self = Float.isNaN(top.selfScore()) ? selfScore(searcher, likeQuery, article.id()) : top.selfScore();
    List<RelatedArticle> out = new ArrayList<>();
    SharedTerms shared = null;
    for (ScoreDoc sd : top.hits()) {
      if (self > 0 && sd.score < self * MIN_SHARE_OF_SELF) break;
      if (shared == null) shared = new SharedTerms(likeQuery, article);
      Article a = ArticleSchema.toListedArticle(stored, sd.doc);
      out.add(new RelatedArticle(a.id(), a.title(), a.summary(), a.published(), sd.score,
          shared.in(searcher.getIndexReader(), sd.doc)));
    }
    return out;
  }

  private static float selfScore(IndexSearcher searcher, Query like, String id) throws IOException {
    TopDocs self = searcher.search(new BooleanQuery.Builder()
        .add(like, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(ArticleSchema.ID, id)), BooleanClause.Occur.FILTER)
        .build(), 1);
    return self.scoreDocs.length == 0 ? 0f : self.scoreDocs[0].score;
  }
}
