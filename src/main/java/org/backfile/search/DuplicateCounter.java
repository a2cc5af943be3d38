package org.backfile.search;

import java.io.IOException;
import java.util.List;
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
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.FixedBitSet;
import org.backfile.index.ArticleSchema;

/**
 * How many matches a collapsed result list leaves out (matches minus distinct duplicate groups).
 * Every article has a group, most of them alone in it; so instead of facet-counting a million
 * one-article groups per search, only the matches that belong to a group with copies are looked
 * at. Which articles those are, and a small number for each such group, is worked out once per
 * index reader: counting then never reads a group's name (looking names up in the doc values was
 * a fifth of a search at a million articles).
 *
 * <p>Building that table walks every group once: 0.1-0.2 s warm at a million articles, but up to a
 * second in a JVM that has just started, which is when the first searches arrive. So no request
 * waits for it: until the table of the current reader is ready, a search counts from the group
 * names in the doc values (same answer, slower per match), and the table is built on a background
 * thread.
 */
final class DuplicateCounter {

  /**
   * Per leaf (by ord) the group number of each document whose group has more than one article
   * (0: alone in its group); a null leaf has no such document. Groups are numbered from 1.
   */
  private record WithCopies(int[][] groupOf, int groups) {}

  private final ReaderTable<WithCopies> tables = new ReaderTable<>(DuplicateCounter::build);

  /** Matches minus the distinct groups among them. */
  long folded(IndexReader reader, FacetsCollector hits) throws IOException {
    WithCopies copies = tables.ifReady(reader);
    return copies == null ? foldedByGroupNames(hits) : foldedByTable(copies, hits);
  }

  /** The count from a table built for this reader on the calling thread. */
  static long foldedByTable(IndexReader reader, FacetsCollector hits) throws IOException {
    return foldedByTable(build(reader), hits);
  }

  private static long foldedByTable(WithCopies copies, FacetsCollector hits) throws IOException {
    if (copies.groups() == 0) return 0;
    FixedBitSet seen = new FixedBitSet(copies.groups() + 1);
    int[] batch = new int[256];
    long folded = 0;
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      int[] groupOf = copies.groupOf()[md.context().ord];
      if (groupOf == null || md.totalHits() == 0) continue;
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) continue;
      int n = 0;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        batch[n++] = doc;
        if (n == batch.length) {
          folded += fold(groupOf, batch, n, seen);
          n = 0;
        }
      }
      folded += fold(groupOf, batch, n, seen);
    }
    return folded;
  }

  /**
   * Matches are scattered over the table, so nearly every lookup misses the CPU caches; looking the
   * whole batch up first lets those misses overlap (as in {@link FacetTable}).
   */
  private static long fold(int[] groupOf, int[] docs, int n, FixedBitSet seen) {
    for (int i = 0; i < n; i++) docs[i] = groupOf[docs[i]];
    long folded = 0;
    for (int i = 0; i < n; i++) {
      if (docs[i] != 0 && seen.getAndSet(docs[i])) folded++;
    }
    return folded;
  }

  /**
   * Without the table: each match's group name, distinct per leaf by ordinal, then across leaves
   * by name (a group's copies may sit in different segments).
   */
  static long foldedByGroupNames(FacetsCollector hits) throws IOException {
    long grouped = 0;
    BytesRefHash names = new BytesRefHash();
    for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
      if (md.totalHits() == 0) continue;
      SortedDocValues groups = md.context().reader().getSortedDocValues(ArticleSchema.DUP_GROUP);
      DocIdSetIterator it = md.bits().iterator();
      if (groups == null || it == null) continue;
      FixedBitSet seen = new FixedBitSet(groups.getValueCount());
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (groups.advanceExact(doc)) {   // an article without a group is alone in it: never folded
          seen.set(groups.ordValue());
          grouped++;
        }
      }
      for (int ord = seen.nextSetBit(0); ord != DocIdSetIterator.NO_MORE_DOCS;
          ord = ord + 1 < seen.length() ? seen.nextSetBit(ord + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        names.add(groups.lookupOrd(ord));
      }
    }
    return grouped - names.size();
  }

  /**
   * Per leaf (by ord) the group number of each document whose group has copies (0: none); a null
   * leaf has no such document. Shared: read it, never write to it. Related articles need the whole
   * table, so it is built on the calling thread when it is not there yet.
   */
  int[][] groupNumbers(IndexReader reader) throws IOException {
    return tables.now(reader).groupOf();
  }

  /** Builds the per-reader table now (e.g. right after the index opens) unless it is built or being built. */
  void warm(IndexReader reader) throws IOException {
    tables.warm(reader);
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
    return new WithCopies(groupOf, groups);
  }
}
