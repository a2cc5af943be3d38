package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.Bits;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;

/**
 * "More like this": the article's most distinctive title and body terms (tf·idf), searched with
 * BM25, the article itself and its copies
 * (its duplicate group) excluded, each other group shown once. A hit must score at least a share of the best possible match
 * so that an article with no real neighbours gets an empty sidebar rather than a wrong one.
 */
final class RelatedFinder {

  private static final int MAX_QUERY_TERMS = 20;
  /** Hits below this share of the article's score against itself are left out. */
  private static final float MIN_SHARE_OF_SELF = 0.08f;

  private RelatedFinder() {}

  static List<RelatedArticle> find(IndexSearcher searcher, DocFreqCache docFreqs, int docId, Article article,
      int size)
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
    // collecting rather than by MUST_NOT clauses, so the same pass gives the article's own score.
    String ownGroup = DuplicateFolder.groupOf(searcher.getIndexReader(), docId);
    Set<Integer> own = ownGroup == null ? Set.of(docId) : docsOf(searcher, ownGroup, docId);
    float[] ownScore = {Float.NaN};
    // Over-fetch: copies of a hit shown already are folded into it.
    TopDocs top = searcher.search(likeQuery, excluding(own, docId, ownScore, size * 3));
    float self = Float.isNaN(ownScore[0]) ? selfScore(searcher, likeQuery, article.id()) : ownScore[0];
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

  /** Global doc ids of a duplicate group's live articles, and {@code doc}. */
  private static Set<Integer> docsOf(IndexSearcher searcher, String group, int doc) throws IOException {
    Set<Integer> docs = new HashSet<>();
    docs.add(doc);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      PostingsEnum postings = leaf.reader().postings(new Term(ArticleSchema.DUP_GROUP, group), PostingsEnum.NONE);
      if (postings == null) continue;
      Bits live = leaf.reader().getLiveDocs();
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) docs.add(leaf.docBase + d);
      }
    }
    return docs;
  }

  /**
   * The top {@code n} hits outside {@code own}; the score of {@code self} goes to {@code selfScore}
   * when the search reaches it (it is usually the best match; when it is not competitive, the
   * caller scores it on its own).
   */
  private static CollectorManager<Excluding, TopDocs> excluding(Set<Integer> own, int self, float[] selfScore, int n) {
    TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(n, n);
    return new CollectorManager<>() {
      @Override
      public Excluding newCollector() throws IOException {
        return new Excluding(top.newCollector(), own, self, selfScore);
      }

      @Override
      public TopDocs reduce(Collection<Excluding> collectors) throws IOException {
        return top.reduce(collectors.stream().map(Excluding::top).toList());
      }
    };
  }

  /** Passes every hit but the article's own group on to a top-hits collector. */
  private static final class Excluding extends FilterCollector {
    private final Set<Integer> own;
    private final int self;
    private final float[] selfScore;

    Excluding(TopScoreDocCollector top, Set<Integer> own, int self, float[] selfScore) {
      super(top);
      this.own = own;
      this.self = self;
      this.selfScore = selfScore;
    }

    TopScoreDocCollector top() {
      return (TopScoreDocCollector) in;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int base = context.docBase;
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          super.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          int global = base + doc;
          if (global == self) selfScore[0] = scorer.score();
          if (!own.contains(global)) super.collect(doc);
        }
      };
    }
  }

  private static float selfScore(IndexSearcher searcher, Query like, String id) throws IOException {
    TopDocs self = searcher.search(new BooleanQuery.Builder()
        .add(like, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(ArticleSchema.ID, id)), BooleanClause.Occur.FILTER)
        .build(), 1);
    return self.scoreDocs.length == 0 ? 0f : self.scoreDocs[0].score;
  }
}
