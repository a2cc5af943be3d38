package org.backfile.ingest.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

  @TempDir
  Path tmp;

  static Path resource(String name) {
    try {
      return Path.of(CorpusGeneratorTest.class.getResource("/corpus-sources/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static CorpusSources tinySources() {
    return new CorpusSources(resource("20news-mini.tar.gz"), resource("reuters-mini.tar.gz"),
        resource("cacm-mini.all"), resource("europarl-mini.lines.txt.gz"));
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
    }
    return out;
  }

  private static List<JsonObject> records(Path dir) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir.resolve("jsonl"))) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) out.add(JsonParser.parseString(line).getAsJsonObject());
      }
    }
    return out;
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
    CorpusGenerator.read(tinySources(), 50, 7).write(tmp.resolve("a"), 400, Formats.MIXED, 64, n -> { });
    CorpusGenerator.read(tinySources(), 50, 7).write(tmp.resolve("b"), 400, Formats.MIXED, 64, n -> { });
    CorpusGenerator.read(tinySources(), 50, 8).write(tmp.resolve("c"), 400, Formats.MIXED, 64, n -> { });
    Map<String, byte[]> a = files(tmp.resolve("a"));
    Map<String, byte[]> b = files(tmp.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    a.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, b.get(name)), name + " differs"));
    assertTrue(a.keySet().stream().anyMatch(n -> n.endsWith(".html")));
    assertTrue(a.keySet().stream().anyMatch(n -> n.endsWith(".eml")));
    assertTrue(a.keySet().stream().anyMatch(n -> n.endsWith(".jsonl")));
    Map<String, byte[]> c = files(tmp.resolve("c"));
    assertNotEquals(a.keySet().equals(c.keySet()) && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), c.get(k))), true);
  }

  @Test
  void datesSpanThirtyYearsAuthorsAreZipfLikeAndBodiesAreSourceParagraphs() throws IOException {
    SourcePool pool = SourcePool.read(tinySources(), 50, 3);
    Set<String> sourceParagraphs = new HashSet<>();
    pool.docs.forEach(d -> sourceParagraphs.addAll(d.paragraphs()));
    CorpusGenerator.read(tinySources(), 50, 3).write(tmp, 4000, Formats.JSONL, 1000, n -> { });
    List<JsonObject> records = records(tmp);
    assertEquals(4000, records.size());

    Map<String, Integer> perAuthor = new HashMap<>();
    Set<Integer> years = new HashSet<>();
    int undated = 0;
    for (JsonObject r : records) {
      r.getAsJsonArray("authors").forEach(a -> perAuthor.merge(a.getAsString(), 1, Integer::sum));
      if (!r.has("published")) undated++;
      else years.add(Integer.parseInt(r.get("published").getAsString().substring(0, 4)));
      String[] paragraphs = r.get("body").getAsString().split("\n\n");
      assertTrue(paragraphs.length >= 1 && paragraphs.length <= 6, "paragraphs: " + paragraphs.length);
      for (String p : paragraphs) assertTrue(sourceParagraphs.contains(p), "not a source paragraph: " + p);
      assertTrue(Set.of("Leisure", "Science", "Business", "Computing", "Europe").contains(r.get("section").getAsString()));
    }
    assertEquals(30, years.size(), "every year from 1996 to 2025 occurs: " + years);
    assertTrue(years.contains(1996) && years.contains(2025));
    assertTrue(undated > 10 && undated < 100, "about 1 % undated, got " + undated);
    // The tiny sources name 8 people: with Zipf weights the most frequent has far more than 1/8 of the bylines.
    List<Integer> counts = perAuthor.values().stream().sorted().toList();
    int total = counts.stream().mapToInt(Integer::intValue).sum();
    assertEquals(pool.authors.size(), perAuthor.size());
    assertTrue(counts.get(counts.size() - 1) > 2.0 * total / counts.size(), "top author " + counts.get(counts.size() - 1) + " of " + total);
    assertTrue(counts.get(0) < 0.5 * total / counts.size(), "rarest author " + counts.get(0) + " of " + total);
  }

  @Test
  void articlesKeepOneLanguageAndTheirSourceSection() throws IOException {
    SourcePool pool = SourcePool.read(tinySources(), 50, 1);
    assertEquals(Map.of("20news", 4, "reuters", 2, "cacm", 2, "europarl", 2), pool.docsPerCorpus);
    assertEquals(Set.of("europarl:de", "europarl:en", "20news:rec.autos", "20news:sci.space", "reuters:grain",
        "reuters:coffee", "cacm"), pool.clusters.keySet());
    assertTrue(pool.authors.containsAll(List.of("Jenny Lee", "Paul Novak", "Helen Marsh", "R. T. Hollis", "T. Okafor")));
    ArticleComposer composer = new ArticleComposer(pool, 1, Formats.JSONL);
    for (int i = 0; i < 500; i++) {
      GeneratedArticle a = composer.compose(i);
      if ("de".equals(a.language())) assertTrue(a.paragraphs().stream().allMatch(p -> p.contains(" der ") || p.contains(" die ")), a.paragraphs().toString());
      if ("Europe".equals(a.section())) assertEquals("European Parliament Debates", a.publication());
      assertEquals(a, composer.compose(i), "the same number gives the same article");
    }
  }

  @Test
  void missingCorpusFilesAreNamedInTheMessage() {
    CorpusSources sources = CorpusSources.under(tmp.resolve("nowhere"), tmp.resolve("no.jar"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.read(sources, 10, 1));
    assertTrue(e.getMessage().contains("20news-bydate.tar.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("no.jar"), e.getMessage());
    IllegalArgumentException only = assertThrows(IllegalArgumentException.class,
        () -> CorpusGenerator.read(sources.only(List.of("cacm")), 10, 1));
    assertTrue(only.getMessage().contains("cacm.all") && !only.getMessage().contains("20news"), only.getMessage());
  }

  @Test
  void refusesToWriteIntoAFolderThatHoldsFiles() throws IOException {
    Files.writeString(tmp.resolve("old.txt"), "x");
    CorpusGenerator g = CorpusGenerator.read(tinySources(), 10, 1);
    assertThrows(IllegalArgumentException.class, () -> g.write(tmp, 10, Formats.JSONL, 10, n -> { }));
  }
}
