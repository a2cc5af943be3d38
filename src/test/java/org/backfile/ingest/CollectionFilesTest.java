package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that hold many articles, split through {@link FileExtractor#extract(Path)}. */
class CollectionFilesTest {

  private final FileExtractor extractor = new FileExtractor();

  static Path fixture(String name) {
    try {
      return Path.of(CollectionFilesTest.class.getResource("/fixtures/collections/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture named " + name, e);
    }
  }

  static void assertDistinctStableIds(List<Article> articles, String source) {
    assertEquals(articles.size(), new HashSet<>(articles.stream().map(Article::id).toList()).size());
    for (int i = 0; i < articles.size(); i++) {
      assertEquals(ArticleIds.of(source, i), articles.get(i).id());
    }
  }

  @Test
  void splitsMboxIntoOneArticlePerMessage() throws Exception {
    Path file = fixture("three-messages.mbox");
    List<Article> a = extractor.extract(file);
    assertEquals(3, a.size());
    assertEquals("Quarterly report on the harbour survey", a.get(0).title());
    assertEquals(List.of("Alice Archer"), a.get(0).authors());
    assertEquals(PartialDate.parse("1997-03-03"), a.get(0).published());
    assertEquals(List.of("bob"), a.get(1).authors());
    assertEquals(PartialDate.parse("1997-03-04"), a.get(1).published());
    assertTrue(a.get(1).body().contains("From what I hear"), a.get(1).body());
    assertEquals(List.of("Carol Chen"), a.get(2).authors());
    assertTrue(a.get(2).body().contains("dredger budget"));
    assertDistinctStableIds(a, FileExtractor.sourceOf(file));
  }

  @Test
  void readsSmartRecordsWithTheSplitIdQuirk() throws Exception {
    Path file = fixture("three-records.smart");
    List<SmartCollectionSplitter.SmartRecord> records = SmartCollectionSplitter.records(
        Files.readString(file), FileExtractor.sourceOf(file));
    assertEquals(List.of("1", "2856", "3"), records.stream().map(SmartCollectionSplitter.SmartRecord::smartId).toList());

    List<Article> a = extractor.extract(file);
    assertEquals(3, a.size());
    assertEquals("A Short Note on Sorting Punched Cards", a.get(0).title());
    assertEquals(List.of("A. J. Perlis", "K. Samelson"), a.get(0).authors());
    assertEquals(PartialDate.ofMonth(1958, 12), a.get(0).published());
    assertEquals("CACM", a.get(0).publication());
    assertEquals("Recursive Descent for Small Machines", a.get(1).title());
    assertEquals(List.of("compilers", "recursion", "parsing"), a.get(1).tags());
    assertTrue(a.get(1).body().startsWith("A method of writing compilers"));
    assertEquals("Tables of Logarithms", a.get(2).title(), "control bytes dropped");
    assertEquals(PartialDate.ofYear(1960), a.get(2).published());
    assertDistinctStableIds(a, FileExtractor.sourceOf(file));
  }

  @Test
  void splitsReutersSgmlIncludingBriefsAndUnprocessedStories() throws Exception {
    Path file = fixture("three-stories.sgm");
    List<Article> a = extractor.extract(file);
    assertEquals(3, a.size());
    Article full = a.get(0);
    assertEquals("PRAIRIE WHEAT HARVEST <BEATS> FORECAST", full.title());
    assertEquals(List.of("Jane Fielding"), full.authors());
    assertEquals(PartialDate.parse("1987-03-02"), full.published());
    assertEquals(List.of("grain", "wheat"), full.tags());
    assertTrue(full.body().contains("Smith & Sons"), full.body());
    assertTrue(full.body().endsWith("Storage is tight at the elevators."), full.body());

    assertEquals("CENTRAL BANK HOLDS RATES STEADY", a.get(1).title());
    assertEquals("", a.get(1).body());
    assertEquals("WEEKLY RESERVES REPORT - MAR 3", a.get(2).title());
    assertTrue(a.get(2).body().contains("Net free reserves"));
    assertEquals(List.of("money-supply"), a.get(2).tags());
    assertDistinctStableIds(a, FileExtractor.sourceOf(file));
  }

  @Test
  void leavesATextThatOnlyQuotesReutersTagsToTika(@TempDir Path dir) throws Exception {
    Path readme = Files.writeString(dir.resolve("README.txt"), "About the collection\n\n"
        + "Each story looks like <REUTERS TOPICS=?? NEWID=??> ... </REUTERS> in the files.\n");
    List<Article> a = extractor.extract(readme);
    assertEquals(1, a.size());
    assertEquals("About the collection", a.get(0).title());
  }

  @Test
  void readsNewsgroupPostsWithGroupAsSection() throws Exception {
    Article fromFolder = extractor.extract(fixture("rec.autos/101551")).get(0);
    assertEquals("Re: Best oil for an old V8?", fromFolder.title());
    assertEquals(List.of("Sam Driver"), fromFolder.authors());
    assertEquals("rec.autos", fromFolder.section());
    assertNull(fromFolder.published());
    assertTrue(fromFolder.body().startsWith("I have run a thin synthetic"), fromFolder.body());

    Article fromHeader = extractor.extract(fixture("rec.autos/101552")).get(0);
    assertEquals(List.of("pat"), fromHeader.authors());
    assertEquals("rec.autos", fromHeader.section());
    assertEquals(PartialDate.parse("1993-04-21"), fromHeader.published());
  }

  @Test
  void aCrossPostTakesTheGroupOfItsFolder(@TempDir Path dir) throws Exception {
    Path post = Files.createDirectories(dir.resolve("sci.space")).resolve("61000");
    Files.writeString(post, "From: Ida Moon <ida@example.net>\nSubject: Orbits\n"
        + "Newsgroups: sci.astro,sci.space\n\nLow orbits decay faster than you think.\n");
    Article a = extractor.extract(post).get(0);
    assertEquals("sci.space", a.section());
    assertEquals(List.of("Ida Moon"), a.authors());
  }

  @Test
  void readsJsonLinesAndReportsTheBadLine() throws Exception {
    Path file = fixture("two-articles.jsonl");
    List<Article> a = extractor.extract(file);
    assertEquals(2, a.size());
    assertEquals("Tide tables go digital", a.get(0).title());
    assertEquals(List.of("Ana Ruiz", "Ben Ode"), a.get(0).authors());
    assertEquals(PartialDate.ofMonth(2021, 6), a.get(0).published());
    assertEquals(List.of("tides", "data"), a.get(0).tags());
    assertEquals("Harbour", a.get(0).section());
    assertTrue(a.get(0).warnings().stream().anyMatch(w -> w.startsWith("line 2")), a.get(0).warnings().toString());
    assertEquals("https://example.org/ferry", a.get(1).url());
    assertDistinctStableIds(a, FileExtractor.sourceOf(file));
  }

  @Test
  void readsCsvWithQuotedFieldsAndWarnsAboutABadDate() throws Exception {
    Path file = fixture("three-articles.csv");
    List<Article> a = extractor.extract(file);
    assertEquals(3, a.size());
    assertEquals(List.of("Dana Kerr", "Eli Stone"), a.get(0).authors());
    assertEquals(PartialDate.parse("2019-05-02"), a.get(0).published());
    assertEquals(List.of("heritage", "coast"), a.get(0).tags());
    assertEquals("Fish market moves, again", a.get(1).title());
    assertEquals(PartialDate.ofYear(2019), a.get(1).published());
    assertTrue(a.get(1).body().contains("\"finally\""));
    assertNull(a.get(2).published());
    assertTrue(a.get(2).warnings().get(0).contains("not a date"));
    assertDistinctStableIds(a, FileExtractor.sourceOf(file));
  }

  @Test
  void failsAJsonLinesFileWithNoReadableLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("broken.jsonl"), "{not json}\n{also not}\n");
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(file));
    assertEquals(ExtractionException.Reason.CORRUPT, e.reason());
  }
}
