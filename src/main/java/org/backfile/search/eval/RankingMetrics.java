package org.backfile.search.eval;

import java.util.List;
import java.util.Set;

/** Binary-relevance ranking metrics over one ranked list of ids (as trec_eval computes them). */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** Average precision: the mean, over all relevant ids, of precision at the rank each is found (0 if never). */
  public static double averagePrecision(List<String> ranked, Set<String> relevant) {
    if (relevant.isEmpty()) return 0;
    int found = 0;
    double sum = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.contains(ranked.get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevant.size();
  }

  /** Share of the first k places that hold a relevant id; missing places count as misses. */
  public static double precisionAt(int k, List<String> ranked, Set<String> relevant) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) hits++;
    }
    return (double) hits / k;
  }

  /** nDCG at k with gain 1 per relevant id and discount log2(rank + 1). */
  public static double ndcgAt(int k, List<String> ranked, Set<String> relevant) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) dcg += 1 / log2(i + 2);
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) ideal += 1 / log2(i + 2);
    return ideal == 0 ? 0 : dcg / ideal;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
