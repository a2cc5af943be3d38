package org.backfile.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
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

  private final IndexSearcher searcher;
  private final Query query;
  private final Sort sort;
  private final boolean fromFirstHit;
  private final Set<String> seen = new HashSet<>();

  /**
   * @param fromFirstHit true when every hit is passed in order from the first; false after a cursor
   */
  DuplicateFolder(IndexSearcher searcher, Query query, Sort sort, boolean fromFirstHit) {
    this.searcher = searcher;
    this.query = query;
    this.sort = sort;
    this.fromFirstHit = fromFirstHit;
  }

  /** True when the hit stands for its group; false when a better-ranked copy stands for it. */
  boolean keep(ScoreDoc hit) throws IOException {
    String group = groupOf(searcher.getIndexReader(), hit.doc);
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

  /** The hit's duplicate group from doc values (no stored-field block to decompress); null if none. */
  static String groupOf(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues groups = leaf.reader().getSortedDocValues(ArticleSchema.DUP_GROUP);
    if (groups == null || !groups.advanceExact(doc - leaf.docBase)) return null;
    return groups.lookupOrd(groups.ordValue()).utf8ToString();
  }
}
