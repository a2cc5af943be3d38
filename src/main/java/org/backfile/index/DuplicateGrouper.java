package org.backfile.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the duplicate group a new article joins: that of an exact copy (same body hash), else that
 * of the most similar near copy at or above {@link BodyFingerprint#THRESHOLD}, else a group of its
 * own. Candidates come first from the articles grouped since the lookup reader was last opened
 * (kept in memory: {@link SessionTable}), then from that reader (band keys are indexed terms).
 *
 * <p>Why not search the live index per article: a near-real-time searcher must be reopened to see
 * new articles, and 33 term lookups per article per segment against a reopened index were half of
 * a bulk import's time. Now a bulk import looks up the index only as it was when the import started
 * (nothing, for a new index), and the reader is reopened only once the in-memory table is full
 * ({@link #SESSION_LIMIT} articles, about 40 MB), which bounds memory whatever the corpus size.
 *
 * <p>Thread-safe: the decision in {@link #group} and the bookkeeping that follows take a lock; the
 * index lookups, building and writing the documents happen outside it, on the caller's thread.
 */
final class DuplicateGrouper implements Closeable {

  /** Candidates checked per article from the index, most shared bands first. */
  private static final int MAX_CANDIDATES = 20;
  /** Articles kept in memory before the lookup reader is reopened to include them. */
  static final int SESSION_LIMIT = 20_000;

  /** Articles about to be written, in a {@link DuplicateGrouper#group} call; see {@link #written}. */
  static final class Batch {
    private final List<String> groups;
    private final List<SessionTable.Entry> entries;

    private Batch(List<String> groups, List<SessionTable.Entry> entries) {
      this.groups = groups;
      this.entries = entries;
    }

    /** The group of each article, in the order given. */
    List<String> groups() {
      return groups;
    }
  }

  private final IndexWriter writer;
  private final SessionTable session = new SessionTable();
  private DirectoryReader indexed; // guarded by this; readers in use hold a reference (incRef)
  /** How often {@link #indexed} was reopened, so that a lookup can tell it used an older one. */
  private long reopened;
  private final int sessionLimit;

  DuplicateGrouper(IndexWriter writer) throws IOException {
    this(writer, SESSION_LIMIT);
  }

  DuplicateGrouper(IndexWriter writer, int sessionLimit) throws IOException {
    this.writer = writer;
    this.sessionLimit = sessionLimit;
    this.indexed = DirectoryReader.open(writer);
  }

  /**
   * Groups articles about to be written (a null fingerprint: too short to compare) and remembers
   * them, so that the next ones find them; {@link #written} or {@link #abandoned} must follow.
   *
   * <p>The index lookups (33 term seeks per article and segment, a third of a long import's time)
   * run first, on the caller's thread and outside the lock, against the lookup reader as it is;
   * only the in-memory table and the decision are serial. Should the reader be reopened meanwhile
   * (the table was full), the articles it forgot are in the new reader only, so the lookups are
   * done again, under the lock, against that one.
   */
  Batch group(List<String> ids, List<BodyFingerprint> fps) throws IOException {
    DirectoryReader reader;
    long seen;
    synchronized (this) {
      reader = indexed;
      reader.incRef();
      seen = reopened;
    }
    String[] fromIndex = new String[ids.size()];
    try {
      for (int i = 0; i < ids.size(); i++) {
        if (fps.get(i) != null) fromIndex[i] = fromIndex(reader, fps.get(i));
      }
    } finally {
      reader.decRef();
    }
    return decide(ids, fps, fromIndex, seen);
  }

  private synchronized Batch decide(List<String> ids, List<BodyFingerprint> fps, String[] fromIndex, long seen)
      throws IOException {
    if (session.size() + ids.size() > sessionLimit) refresh();
    boolean stale = reopened != seen;
    List<String> groups = new ArrayList<>(ids.size());
    List<SessionTable.Entry> entries = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      BodyFingerprint fp = fps.get(i);
      String group = null;
      if (fp != null) {
        group = session.bestGroup(fp);
        if (group == null) group = stale ? fromIndex(indexed, fp) : fromIndex[i];
      }
      if (group == null) group = ArticleSchema.ownGroup(ids.get(i), fp);
      groups.add(group);
      if (fp != null) entries.add(session.add(fp, group));
    }
    return new Batch(groups, entries);
  }

  /** The batch's articles are in the writer: the next refresh may forget them. */
  synchronized void written(Batch batch) {
    for (SessionTable.Entry e : batch.entries) e.written = true;
  }

  /** The batch's articles were not written after all. */
  synchronized void abandoned(Batch batch) {
    session.removeAll(Set.copyOf(batch.entries));
  }

  /**
   * Whether the lookup reader (the index as last opened by the grouper) has a term of the field
   * starting with the prefix; the index uses it to skip deletes that could match nothing.
   */
  synchronized boolean indexHasTermStartingWith(String field, String prefix) throws IOException {
    BytesRef start = new BytesRef(prefix);
    for (LeafReaderContext leaf : indexed.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) continue;
      TermsEnum te = terms.iterator();
      if (te.seekCeil(start) != TermsEnum.SeekStatus.END && org.apache.lucene.util.StringHelper.startsWith(te.term(), start)) {
        return true;
      }
    }
    return false;
  }

  /** Reopens the lookup reader on everything written so far and forgets those articles. */
  private void refresh() throws IOException {
    List<SessionTable.Entry> visible = session.written();
    DirectoryReader newer = DirectoryReader.openIfChanged(indexed, writer);
    if (newer != null) {
      indexed.decRef(); // closes it once no lookup uses it
      indexed = newer;
      reopened++;
    }
    session.removeAll(Set.copyOf(visible));
  }

  private static String fromIndex(DirectoryReader indexed, BodyFingerprint fp) throws IOException {
    if (indexed.numDocs() == 0) return null;
    BytesRef hash = new BytesRef(fp.exactHash());
    for (LeafReaderContext leaf : indexed.leaves()) {
      PostingsEnum docs = postings(leaf.reader(), ArticleSchema.BODY_HASH, hash);
      int doc = docs == null ? DocIdSetIterator.NO_MORE_DOCS : nextLive(docs, leaf.reader().getLiveDocs());
      if (doc != DocIdSetIterator.NO_MORE_DOCS) return groupOf(leaf.reader(), doc);
    }
    // Candidates as a band-key search would rank them: most shared bands first, then index order.
    Map<Integer, Integer> shared = new HashMap<>();
    for (LeafReaderContext leaf : indexed.leaves()) {
      Terms terms = leaf.reader().terms(ArticleSchema.DUP_BAND);
      if (terms == null) continue;
      TermsEnum te = terms.iterator();
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum docs = null;
      for (long key : fp.bandKeys()) {
        if (!te.seekExact(BodyFingerprint.bandTerm(key))) continue;
        docs = te.postings(docs, PostingsEnum.NONE);
        for (int d = nextLive(docs, live); d != DocIdSetIterator.NO_MORE_DOCS; d = nextLive(docs, live)) {
          shared.merge(leaf.docBase + d, 1, Integer::sum);
        }
      }
    }
    List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(shared.entrySet());
    ranked.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    String best = null;
    double bestSimilarity = 0;
    for (Map.Entry<Integer, Integer> candidate : ranked.subList(0, Math.min(MAX_CANDIDATES, ranked.size()))) {
      int doc = candidate.getKey();
      LeafReaderContext leaf = indexed.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, indexed.leaves()));
      BodyFingerprint other = storedFingerprint(leaf.reader(), doc - leaf.docBase);
      if (other == null) continue;
      double s = fp.similarity(other);
      if (s >= BodyFingerprint.THRESHOLD && s > bestSimilarity) {
        best = groupOf(leaf.reader(), doc - leaf.docBase);
        bestSimilarity = s;
      }
    }
    return best;
  }

  /**
   * A candidate's fingerprint, worked out again from its stored body: candidates are rare (they
   * share a band), and not storing 1 KB of signature per article keeps the index small.
   */
  private static BodyFingerprint storedFingerprint(LeafReader reader, int doc) throws IOException {
    Document d = reader.storedFields().document(doc, Set.of(ArticleSchema.BODY));
    return BodyFingerprint.of(d.get(ArticleSchema.BODY));
  }

  private static PostingsEnum postings(LeafReader reader, String field, BytesRef term) throws IOException {
    Terms terms = reader.terms(field);
    if (terms == null) return null;
    TermsEnum te = terms.iterator();
    return te.seekExact(term) ? te.postings(null, PostingsEnum.NONE) : null;
  }

  private static int nextLive(PostingsEnum docs, Bits live) throws IOException {
    int d = docs.nextDoc();
    while (d != DocIdSetIterator.NO_MORE_DOCS && live != null && !live.get(d)) d = docs.nextDoc();
    return d;
  }

  private static String groupOf(LeafReader reader, int doc) throws IOException {
    SortedDocValues groups = reader.getSortedDocValues(ArticleSchema.DUP_GROUP);
    if (groups == null || !groups.advanceExact(doc)) return null;
    return groups.lookupOrd(groups.ordValue()).utf8ToString();
  }

  @Override
  public synchronized void close() throws IOException {
    indexed.close();
  }
}
