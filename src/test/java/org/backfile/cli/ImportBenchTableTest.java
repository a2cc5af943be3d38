package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportBenchTableTest {

  private static ImportBenchTable.Row row(String name, long articles, double seconds) {
    return new ImportBenchTable.Row(name, articles, articles, seconds, 2_000_000, 4_000_000, 100L << 20, 300L << 20,
        1L << 20, "");
  }

  @Test
  void ratesAndRatios() {
    ImportBenchTable.Row backfile = row("Backfile", 1000, 2.0);
    ImportBenchTable.Row bare = row("bare", 1000, 1.0);
    assertEquals(500.0, backfile.articlesPerSecond(), 1e-9);
    assertEquals(1.0, backfile.diskMbPerSecond(), 1e-9);
    assertEquals(2.0, backfile.rawMbPerSecond(), 1e-9);
    assertEquals(0.5, ImportBenchTable.ratio(backfile, bare), 1e-9);
    assertTrue(Double.isNaN(ImportBenchTable.ratio(backfile, null)));
  }

  @Test
  void tablePrintsEveryRowAndRatiosAgainstTheFirst() {
    ImportBenchTable table = new ImportBenchTable();
    table.add(row("Backfile", 1000, 2.0));
    table.add(row("bare", 1000, 1.0));
    table.add(BenchImportCommand.SolrOutput.failedRow("Solr", 1000, 1, 1, "harness failed (exit 1)"));
    String text = table.format();
    assertTrue(text.contains("Backfile / bare (articles/s): 0.50x"), text);
    assertTrue(text.contains("Backfile / Solr (articles/s): n/a"), text);
    assertTrue(text.contains("Solr: harness failed (exit 1)"), text);
    assertTrue(text.contains("100.0 MB"), text);
  }

  @Test
  void parsesTheSolrHarnessOutput() {
    String out = """
        RESULT import
          files        121
          indexed      120 (numDocs after commit 120)
          failures     1
          seconds      31.74 (of which final commit 0.84)
          docs/s       3.8
          MB/s         0.14 on-disk input (4.4 MB), 0.72 decompressed input (23.0 MB)
          index size   7.6 MB (data/index; tlog 11.7 MB)
          jvm          1:12.47 wall (whole JVM run, incl. startup and core load), exit 0
          peak RSS     401 MB (/usr/bin/time -v, -Xmx2g, openjdk version "17.0.15" 2025-04-15)
        """;
    ImportBenchTable.Row r = BenchImportCommand.SolrOutput.parse("Solr", out, 0, 121, 4_400_000, 23_000_000);
    assertEquals(121, r.files());
    assertEquals(120, r.articles());
    assertEquals(31.74, r.seconds(), 1e-9);
    assertEquals(7_600_000, r.indexBytes());
    assertEquals(401L << 20, r.rss());
    assertTrue(r.note().contains("1 failures"));
    ImportBenchTable.Row broken = BenchImportCommand.SolrOutput.parse("Solr", "# building\nBUILD FAILURE\n", 1, 121, 1, 1);
    assertEquals(0, broken.articles());
    assertTrue(broken.note().contains("BUILD FAILURE"));
  }
}
