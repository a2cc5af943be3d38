package org.backfile.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.backfile.index.ArticleSchema;

/**
 * Shows each duplicate group once in a ranked list: a hit is kept when it is the best-ranked match
 * of its group (Lucene core has no collapsing, so it is done on the result page). Scanning from the
 * first hit, that is the first one seen; after a cursor, it is checked with a query over the group.
 */
final class DuplicateFolder {

  private static final Set<String> GROUP_ONLY = Set.of(ArticleSchema.DUP_GROUP);

  private final IndexSearcher searcher;
  private final Query query;
  private final Sort sort;
  private final boolean fromFirstHit;
  private final StoredFields stored;
  private final Set<String> seen = new HashSet<>();

  /**
   * @param fromFirstHit true when every hit is passed in order from the first; false after a cursor
   */
  DuplicateFolder(IndexSearcher searcher, Query query, Sort sort, boolean fromFirstHit) throws IOException {
    this.searcher = searcher;
    this.query = query;
    this.sort = sort;
    this.fromFirstHit = fromFirstHit;
    this.stored = searcher.storedFields();
  }

  /** True when the hit stands for its group; false when a better-ranked copy stands for it. */
  boolean keep(ScoreDoc hit) throws IOException {
    String group = groupOf(stored, hit.doc);
    if (group == null) return true; // indexed before duplicates were grouped
    if (!seen.add(group)) return false;
    if (fromFirstHit) return true;
    Term term = new Term(ArticleSchema.DUP_GROUP, group);
    if (searcher.getIndexReader().docFreq(term) <= 1) return true;
    TopDocs best = searcher.search(new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(term), BooleanClause.Occur.FILTER)
        .build(), 1, sort);
    return best.scoreDocs.length == 0 || best.scoreDocs[0].doc == hit.doc;
  }

  static String groupOf(StoredFields stored, int doc) throws IOException {
    return stored.document(doc, GROUP_ONLY).get(ArticleSchema.DUP_GROUP);
  }

  /** How many matches a collapsed list leaves out: matches minus distinct groups among them. */
  static long folded(Facets groupCounts) throws IOException {
    if (groupCounts == null) return 0;
    try {
      FacetResult r = groupCounts.getTopChildren(1, ArticleSchema.FACET_DUP_GROUP);
      return r == null ? 0 : Math.max(0, r.value.longValue() - r.childCount);
    } catch (IllegalArgumentException e) {
      return 0; // no article carries a group yet
    }
  }
}
