package org.backfile.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.backfile.ingest.HtmlArticleExtractor;
import org.junit.jupiter.api.Test;

/**
 * Pins the extractor's shingle scores on the hand-written pages under {@code fixtures/html/}
 * (each {@code name.html} with its {@code name.expected.txt}), with the benchmark's metric.
 */
class ExtractionRegressionTest {

  private static final List<String> PAGES = List.of("blog-posted-by", "news-jsonld-graph",
      "comments-section", "teaser-list", "latin1", "utf16", "table-and-lead", "broken-jsonld");

  @Test
  void everyHandWrittenPageScoresNearlyPerfectly() {
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    ShingleScore score = new ShingleScore();
    StringBuilder report = new StringBuilder();
    for (String page : PAGES) {
      String expected = new String(read(page + ".expected.txt"), StandardCharsets.UTF_8);
      String body = extractor.extract(read(page + ".html"), page, page).body();
      ShingleScore.Page p = score.add(expected, body);
      report.append(String.format("%s P=%.3f R=%.3f%n", page, p.precision(), p.recall()));
      assertTrue(p.precision() >= 0.95 && p.recall() >= 0.95, page + "\n" + body);
    }
    ShingleScore.Summary s = score.summary();
    assertTrue(s.f1() >= 0.98, report.toString());
  }

  @Test
  void shingleMetricCountsRepeatsAndNormalisesPerPage() {
    ShingleScore.Page p = ShingleScore.score("a b c d e", "a b c d x");
    // shingles: expected {abcd, bcde}, actual {abcd, bcdx}: tp 1, fp 1, fn 1 → thirds
    assertTrue(Math.abs(p.tp() - 1.0 / 3) < 1e-9);
    assertTrue(Math.abs(p.precision() - 0.5) < 1e-9);
    ShingleScore.Page repeated = ShingleScore.score("a b c d a b c d", "a b c d");
    assertTrue(repeated.recall() < 1, "repeated shingles count as many times as they occur");
    assertTrue(ShingleScore.score("Привет, мир! Это тест", "Привет мир Это тест").exact());
  }

  @Test
  void snippetMetricCollapsesWhitespace() {
    SnippetScore s = new SnippetScore();
    s.add(List.of("one  two\nthree"), List.of("menu"), "zero one two three four");
    assertTrue(s.precision() == 1 && s.recall() == 1 && s.accuracy() == 1);
  }

  private static byte[] read(String name) {
    try (InputStream in = ExtractionRegressionTest.class.getResourceAsStream("/fixtures/html/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
