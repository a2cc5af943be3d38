package org.backfile.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.backfile.index.ArticleSchema;

/**
 * How many matches a collapsed result list leaves out (matches minus distinct duplicate groups).
 * Every article has a group, most of them alone in it; so instead of facet-counting a million
 * one-article groups per search (an int per group and an ordinal map over them), only the matches
 * that belong to a group with copies are looked at. Which articles those are is worked out once
 * per index reader.
 */
final class DuplicateCounter {

  /** Per leaf (by ord) the documents whose group has more than one article; null: none in that leaf. */
  private record WithCopies(IndexReader reader, FixedBitSet[] perLeaf) {}

  private volatile WithCopies cached;

  long folded(IndexReader reader, FacetsCollector hits) throws IOException {
    FixedBitSet[] withCopies = withCopies(reader).perLeaf();
    Map<String, Integer> seen = new HashMap<>();
    long folded = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      FixedBitSet copies = withCopies[md.context().ord];
      if (copies == null || md.totalHits() == 0) continue;
      SortedDocValues groups = md.context().reader().getSortedDocValues(ArticleSchema.DUP_GROUP);
      DocIdSetIterator it = md.bits().iterator();
      if (groups == null || it == null) continue;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (copies.get(doc) && groups.advanceExact(doc)
            && seen.merge(groups.lookupOrd(groups.ordValue()).utf8ToString(), 1, Integer::sum) > 1) {
          folded++;
        }
      }
    }
    return folded;
  }

  /** Builds the per-reader sets now (e.g. right after the index opens). */
  void warm(IndexReader reader) throws IOException {
    withCopies(reader);
  }

  private WithCopies withCopies(IndexReader reader) throws IOException {
    WithCopies c = cached;
    if (c != null && c.reader() == reader) return c;
    List<LeafReaderContext> leaves = reader.leaves();
    FixedBitSet[] perLeaf = new FixedBitSet[leaves.size()];
    Terms terms = MultiTerms.getTerms(reader, ArticleSchema.DUP_GROUP);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      while (te.next() != null) {
        if (te.docFreq() < 2) continue;   // summed over segments; deleted copies only make the set larger
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          int leaf = ReaderUtil.subIndex(doc, leaves);
          if (perLeaf[leaf] == null) perLeaf[leaf] = new FixedBitSet(leaves.get(leaf).reader().maxDoc());
          perLeaf[leaf].set(doc - leaves.get(leaf).docBase);
        }
      }
    }
    c = new WithCopies(reader, perLeaf);
    cached = c;
    return c;
  }
}
