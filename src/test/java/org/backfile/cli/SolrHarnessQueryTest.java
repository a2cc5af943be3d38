package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolrHarnessQueryTest {

  @Test
  void readsTheHarnessQueryLines() {
    List<SolrHarnessQuery.Run> runs = SolrHarnessQuery.parse(List.of(
        "# home=/tmp/solr-peer/home-solr9 numDocs=18846 words=2000 seed=42 warmup=500",
        "RESULT query",
        "  single    threads=1 queries=5000  p50=6.30 ms  p95=19.36 ms  p99=34.19 ms  mean=8.01 ms  QPS=129.6  (avg hits 762, zero-hit 5, errors 0)",
        "  parallel  threads=4 queries=5000  p50=11.52 ms  p95=38.36 ms  p99=59.45 ms  mean=13.90 ms  QPS=282.5  (avg hits 888, zero-hit 10, errors 0)"));
    assertEquals(List.of(
        new SolrHarnessQuery.Run("single", 1, 5000, 6.30, 34.19, 129.6, "avg hits 762, zero-hit 5, errors 0"),
        new SolrHarnessQuery.Run("parallel", 4, 5000, 11.52, 59.45, 282.5, "avg hits 888, zero-hit 10, errors 0")), runs);
  }
}
