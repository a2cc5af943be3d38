package org.backfile.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranking a, b, c, d where a, c and e (never retrieved) are relevant, worked by hand. */
class RankingMetricsTest {

  private static final List<String> RANKED = List.of("a", "b", "c", "d");
  private static final Set<String> RELEVANT = Set.of("a", "c", "e");

  @Test
  void averagePrecisionCountsUnretrievedRelevantAsZero() {
    // (1/1 + 2/3) / 3
    assertEquals(5.0 / 9, RankingMetrics.averagePrecision(RANKED, RELEVANT), 1e-9);
  }

  @Test
  void precisionAtTenCountsEmptyPlacesAsMisses() {
    assertEquals(0.2, RankingMetrics.precisionAt(10, RANKED, RELEVANT), 1e-9);
  }

  @Test
  void ndcgAtTenDividesByTheIdealOrder() {
    double dcg = 1 + 1 / 2.0; // ranks 1 and 3: 1/log2(2) + 1/log2(4)
    double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / 2.0;
    assertEquals(dcg / ideal, RankingMetrics.ndcgAt(10, RANKED, RELEVANT), 1e-9);
    assertEquals(0.7039180890341347, RankingMetrics.ndcgAt(10, RANKED, RELEVANT), 1e-9);
  }

  @Test
  void perfectRankingScoresOne() {
    List<String> perfect = List.of("a", "c", "e");
    assertEquals(1.0, RankingMetrics.averagePrecision(perfect, RELEVANT), 1e-9);
    assertEquals(1.0, RankingMetrics.ndcgAt(10, perfect, RELEVANT), 1e-9);
  }
}
