package org.backfile.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.backfile.index.ArticleSchema;

/**
 * How many matches a collapsed result list leaves out (matches minus distinct duplicate groups).
 * Every article has a group, most of them alone in it; so instead of facet-counting a million
 * one-article groups per search, only the matches that belong to a group with copies are looked
 * at. Which articles those are, and a small number for each such group, is worked out once per
 * index reader: counting then never reads a group's name (looking names up in the doc values was
 * a fifth of a search at a million articles).
 */
final class DuplicateCounter {

  /**
   * Per leaf (by ord) the group number of each document whose group has more than one article
   * (0: alone in its group); a null leaf has no such document. Groups are numbered from 1.
   */
  private record WithCopies(IndexReader reader, int[][] groupOf, int groups) {}

  private volatile WithCopies cached;

  long folded(IndexReader reader, FacetsCollector hits) throws IOException {
    WithCopies copies = withCopies(reader);
    if (copies.groups() == 0) return 0;
    FixedBitSet seen = new FixedBitSet(copies.groups() + 1);
    long folded = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      int[] groupOf = copies.groupOf()[md.context().ord];
      if (groupOf == null || md.totalHits() == 0) continue;
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) continue;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        int group = groupOf[doc];
        if (group != 0 && seen.getAndSet(group)) folded++;
      }
    }
    return folded;
  }

  /**
   * Per leaf (by ord) the group number of each document whose group has copies (0: none); a null
   * leaf has no such document. Shared: read it, never write to it.
   */
  int[][] groupNumbers(IndexReader reader) throws IOException {
    return withCopies(reader).groupOf();
  }

  /** Builds the per-reader table now (e.g. right after the index opens). */
  void warm(IndexReader reader) throws IOException {
    withCopies(reader);
  }

  private WithCopies withCopies(IndexReader reader) throws IOException {
    WithCopies c = cached;
    if (c != null && c.reader() == reader) return c;
    // One build per reader: the warming thread and the first search would otherwise both build it.
    synchronized (this) {
      c = cached;
      if (c != null && c.reader() == reader) return c;
      c = build(reader);
      cached = c;
      return c;
    }
  }

  private static WithCopies build(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    int[][] groupOf = new int[leaves.size()][];
    int groups = 0;
    Terms terms = MultiTerms.getTerms(reader, ArticleSchema.DUP_GROUP);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      while (te.next() != null) {
        if (te.docFreq() < 2) continue;   // summed over segments; deleted copies only make the table larger
        groups++;
        postings = te.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          int leaf = ReaderUtil.subIndex(doc, leaves);
          if (groupOf[leaf] == null) groupOf[leaf] = new int[leaves.get(leaf).reader().maxDoc()];
          groupOf[leaf][doc - leaves.get(leaf).docBase] = groups;
        }
      }
    }
    return new WithCopies(reader, groupOf, groups);
  }
}
