package org.backfile.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
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
 * "More like this": the article's most distinctive title and body terms (tf·idf), searched with
 * BM25, the article itself and its copies
 * (its duplicate group) excluded, each other group shown once. A hit must score at least a share of the best possible match
 * so that an article with no real neighbours gets an empty sidebar rather than a wrong one.
 */
final class RelatedFinder {

  private static final int MAX_QUERY_TERMS = 30;
  /** Hits below this share of the article's score against itself are left out. */
  private static final float MIN_SHARE_OF_SELF = 0.08f;

  private RelatedFinder() {}

  static List<RelatedArticle> find(IndexSearcher searcher, int docId, Article article, int size)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(ArticleSchema.analyzer());
    mlt.setFieldNames(new String[] {ArticleSchema.TITLE, ArticleSchema.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
    mlt.setBoost(true);
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    like.add(mlt.like(ArticleSchema.TITLE, new StringReader(article.title())), BooleanClause.Occur.SHOULD);
    like.add(mlt.like(ArticleSchema.BODY, new StringReader(article.body())), BooleanClause.Occur.SHOULD);
    Query likeQuery = like.build();

    var stored = searcher.storedFields();
    String ownGroup = DuplicateFolder.groupOf(searcher.getIndexReader(), docId);
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(likeQuery, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(ArticleSchema.ID, article.id())), BooleanClause.Occur.MUST_NOT);
    if (ownGroup != null) {
      // The article's own copies are "also published as", not related reading.
      query.add(new TermQuery(new Term(ArticleSchema.DUP_GROUP, ownGroup)), BooleanClause.Occur.MUST_NOT);
    }
    // Over-fetch: copies of a hit shown already are folded into it.
    TopDocs top = searcher.search(query.build(), size * 3);
    float self = selfScore(searcher, likeQuery, article.id());
    List<RelatedArticle> out = new ArrayList<>();
    SharedTerms shared = null;
    Set<String> groups = new HashSet<>();
    for (ScoreDoc sd : top.scoreDocs) {
      if (out.size() == size) break;
      if (sd.doc == docId || (self > 0 && sd.score < self * MIN_SHARE_OF_SELF)) continue;
      String group = DuplicateFolder.groupOf(searcher.getIndexReader(), sd.doc);
      if (group != null && !groups.add(group)) continue;
      if (shared == null) shared = new SharedTerms(likeQuery, article);
      Article a = ArticleSchema.toArticle(stored, sd.doc);
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
