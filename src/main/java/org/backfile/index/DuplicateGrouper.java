package org.backfile.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds the duplicate group a new article joins: that of an exact copy (same body hash), else that
 * of the most similar near copy at or above {@link BodyFingerprint#THRESHOLD}, else a group of its
 * own. Candidates come from the index (band keys are indexed terms) and from articles written since
 * the searcher last refreshed, which the index cannot show yet. Not thread-safe: the index calls it
 * under its write lock.
 */
final class DuplicateGrouper {

  /** Candidates checked per article, most shared bands first. */
  private static final int MAX_CANDIDATES = 20;

  /** An article written, or about to be, that searchers may not show yet. */
  private static final class Pending {
    long generation = UNWRITTEN;
    final BodyFingerprint fp;
    final String group;

    Pending(BodyFingerprint fp, String group) {
      this.fp = fp;
      this.group = group;
    }

    long generation() {
      return generation;
    }

    BodyFingerprint fp() {
      return fp;
    }

    String group() {
      return group;
    }
  }

  private static final long UNWRITTEN = Long.MAX_VALUE;

  private final Map<String, List<Pending>> pendingByKey = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();

  /** The group for a body; {@code searcher} is at least as new as {@code searchableGeneration}. */
  String groupFor(String id, BodyFingerprint fp, IndexSearcher searcher, long searchableGeneration)
      throws IOException {
    if (fp == null) return ArticleSchema.ownGroup(id, fp);
    forgetVisible(searchableGeneration);
    String fromPending = bestPending(fp);
    if (fromPending != null) return fromPending;
    String fromIndex = bestIndexed(fp, searcher);
    return fromIndex != null ? fromIndex : ArticleSchema.ownGroup(id, fp);
  }

  /**
   * Remembers an article about to be written, so that the next ones of the same batch can join its
   * group; {@link #written} or {@link #abandoned} must follow.
   */
  void adding(BodyFingerprint fp, String group) {
    if (fp == null) return;
    Pending p = new Pending(fp, group);
    pending.add(p);
    pendingByKey.computeIfAbsent("x:" + fp.exactHash(), k -> new ArrayList<>()).add(p);
    for (String key : fp.bandKeys()) pendingByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
  }

  /** The articles announced since the last call were written at this generation. */
  void written(long generation) {
    for (int i = pending.size() - 1; i >= 0 && pending.get(i).generation == UNWRITTEN; i--) {
      pending.get(i).generation = generation;
    }
  }

  /** The articles announced since the last call were not written after all. */
  void abandoned() {
    forgetVisible(UNWRITTEN);
  }

  private void forgetVisible(long searchableGeneration) {
    if (pending.isEmpty() || pending.get(0).generation() > searchableGeneration) return;
    pending.removeIf(p -> p.generation() <= searchableGeneration);
    pendingByKey.values().forEach(list -> list.removeIf(p -> p.generation() <= searchableGeneration));
    pendingByKey.values().removeIf(List::isEmpty);
  }

  private String bestPending(BodyFingerprint fp) {
    List<Pending> exact = pendingByKey.get("x:" + fp.exactHash());
    if (exact != null && !exact.isEmpty()) return exact.get(0).group();
    String best = null;
    double bestSimilarity = 0;
    for (String key : fp.bandKeys()) {
      for (Pending p : pendingByKey.getOrDefault(key, List.of())) {
        double s = fp.similarity(p.fp());
        if (s >= BodyFingerprint.THRESHOLD && s > bestSimilarity) {
          best = p.group();
          bestSimilarity = s;
        }
      }
    }
    return best;
  }

  private static String bestIndexed(BodyFingerprint fp, IndexSearcher searcher) throws IOException {
    StoredFields stored = searcher.storedFields();
    TopDocs exact = searcher.search(new TermQuery(new Term(ArticleSchema.BODY_HASH, fp.exactHash())), 1);
    if (exact.scoreDocs.length > 0) {
      return stored.document(exact.scoreDocs[0].doc).get(ArticleSchema.DUP_GROUP);
    }
    BooleanQuery.Builder bands = new BooleanQuery.Builder();
    for (String key : fp.bandKeys()) {
      bands.add(new ConstantScoreQuery(new TermQuery(new Term(ArticleSchema.DUP_BAND, key))),
          BooleanClause.Occur.SHOULD);
    }
    String best = null;
    double bestSimilarity = 0;
    for (ScoreDoc sd : searcher.search(bands.build(), MAX_CANDIDATES).scoreDocs) {
      Document d = stored.document(sd.doc);
      var bytes = d.getBinaryValue(ArticleSchema.DUP_SIGNATURE);
      String hash = d.get(ArticleSchema.BODY_HASH);
      if (bytes == null || hash == null) continue;
      double s = fp.similarity(BodyFingerprint.read(hash,
          java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length)));
      if (s >= BodyFingerprint.THRESHOLD && s > bestSimilarity) {
        best = d.get(ArticleSchema.DUP_GROUP);
        bestSimilarity = s;
      }
    }
    return best;
  }
}
