package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * The best {@code size} hits of a "more like this" search with each duplicate group once (its
 * best-scoring article), the article's own group left out, and the article's own score read on the
 * way. Groups are folded while collecting, so the search only has to keep {@code size} hits: once
 * it has that many groups, it tells the scorer the lowest of their scores, and Lucene skips every
 * document that cannot beat it (a top-15 search with folding afterwards kept three times as many and
 * so skipped less; a search for 5 needed a second one for almost half of the articles at 1M).
 */
final class TopGroupsCollector implements Collector {

  /** The hits, best first (ties: lower doc id first), and the article's own score (NaN if not reached). */
  record Result(List<ScoreDoc> hits, float selfScore) {}

  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.<ScoreDoc>comparingDouble(h -> -h.score).thenComparingInt(h -> h.doc);

  private final int size;
  private final int[][] groupNumbers;
  private final int self;
  private final int ownGroup;
  private final float[] scores;
  private final int[] docs;
  private final int[] groups;
  private int count;
  /** The slot of the weakest kept hit, once {@code size} are kept. */
  private int weakest = -1;
  private float selfScore = Float.NaN;

  /**
   * @param groupNumbers per leaf, each document's group number when its group has copies (0: none; a
   *     null leaf: none in it), as {@link DuplicateCounter#groupNumbers} gives them
   * @param self the article's global doc id, left out
   * @param ownGroup the article's group number (0: it has no copies); the group is left out
   */
  TopGroupsCollector(int size, int[][] groupNumbers, int self, int ownGroup) {
    if (size < 1) throw new IllegalArgumentException("size must be at least 1, was " + size);
    this.size = size;
    this.groupNumbers = groupNumbers;
    this.self = self;
    this.ownGroup = ownGroup;
    this.scores = new float[size];
    this.docs = new int[size];
    this.groups = new int[size];
  }

  static CollectorManager<TopGroupsCollector, Result> manager(int size, int[][] groupNumbers, int self,
      int ownGroup) {
    return new CollectorManager<>() {
      @Override
      public TopGroupsCollector newCollector() {
        return new TopGroupsCollector(size, groupNumbers, self, ownGroup);
      }

      @Override
      public Result reduce(Collection<TopGroupsCollector> collectors) {
        // Index slices may be searched apart: the best hit of each group over all of them.
        Map<Integer, ScoreDoc> best = new HashMap<>();
        List<ScoreDoc> hits = new ArrayList<>();
        float selfScore = Float.NaN;
        for (TopGroupsCollector c : collectors) {
          if (!Float.isNaN(c.selfScore)) selfScore = c.selfScore;
          for (int i = 0; i < c.count; i++) {
            ScoreDoc hit = new ScoreDoc(c.docs[i], c.scores[i]);
            if (c.groups[i] == 0) hits.add(hit);
            else best.merge(c.groups[i], hit, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
          }
        }
        hits.addAll(best.values());
        hits.sort(BEST_FIRST);
        return new Result(List.copyOf(hits.subList(0, Math.min(size, hits.size()))), selfScore);
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.TOP_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) {
    int base = context.docBase;
    int[] groupOf = groupNumbers[context.ord];
    return new LeafCollector() {
      private Scorable scorer;

      @Override
      public void setScorer(Scorable scorer) throws IOException {
        this.scorer = scorer;
        if (weakest >= 0) scorer.setMinCompetitiveScore(Math.nextUp(scores[weakest]));
      }

      @Override
      public void collect(int doc) throws IOException {
        int global = base + doc;
        float score = scorer.score();
        int group = groupOf == null ? 0 : groupOf[doc];
        if (global == self) selfScore = score;
        if (global == self || (group != 0 && group == ownGroup)) return;
        // Docs come in id order, so on a tie the one kept already stays.
        if (weakest >= 0 && score <= scores[weakest]) return;
        if (group != 0) {
          for (int i = 0; i < count; i++) {
            if (groups[i] != group) continue;
            if (score > scores[i]) {
              scores[i] = score;
              docs[i] = global;
              raiseFloor(scorer);
            }
            return;
          }
        }
        int slot = count < size ? count++ : weakest;
        scores[slot] = score;
        docs[slot] = global;
        groups[slot] = group;
        raiseFloor(scorer);
      }
    };
  }

  /** Once {@code size} groups are kept, hits must beat the weakest of them. */
  private void raiseFloor(Scorable scorer) throws IOException {
    if (count < size) return;
    weakest = 0;
    for (int i = 1; i < count; i++) {
      if (scores[i] < scores[weakest] || (scores[i] == scores[weakest] && docs[i] > docs[weakest])) weakest = i;
    }
    scorer.setMinCompetitiveScore(Math.nextUp(scores[weakest]));
  }

}
