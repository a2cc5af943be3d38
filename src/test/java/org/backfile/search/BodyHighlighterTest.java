package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;

/**
 * Snippets come from the bodies the search hands over, and for plain words from one pass over the
 * token stream; both must give exactly what Lucene's own highlighter gives from the stored bodies.
 */
class BodyHighlighterTest {

  /** Real article text: the extraction fixtures' expected bodies and the duplicate-detection set. */
  private static final List<String> BODIES = List.of(
      "html/blog-posted-by.expected.txt", "html/broken-jsonld.expected.txt", "html/comments-section.expected.txt",
      "html/latin1.expected.txt", "html/news-jsonld-graph.expected.txt", "html/table-and-lead.expected.txt",
      "html/teaser-list.expected.txt", "html/utf16.expected.txt", "duplicates/original.txt",
      "duplicates/reprint.txt", "duplicates/unrelated.txt").stream().map(BodyHighlighterTest::fixture).toList();

  private static final IndexSearcher SEARCHER = index(BODIES);

  /** Words of the bodies as written, so queries hit stemmed forms ("votes" for "voted"). */
  private static final List<String> WORDS = List.copyOf(new TreeSet<>(
      BODIES.stream().flatMap(b -> Arrays.stream(b.split("[^\\p{L}\\p{N}']+"))).filter(w -> w.length() > 1).toList()));

  @Property(tries = 300)
  void plainWordsGiveLucenesOwnSnippets(@ForAll("queries") String text) throws IOException {
    Query query = ArchiveQueries.parseForHighlighting(text, List.of());
    ScoreDoc[] hits = allDocs();
    String[] ours = Snippets.of(SEARCHER, query, hits, bodies(hits));
    assertArrayEquals(lucene(query, hits), ours, text);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(words -> String.join(" ", words));
  }

  @Example
  void phrasesAndWildcardsGiveLucenesOwnSnippetsToo() throws IOException {
    for (String text : List.of("\"ferry terminal\"", "harbo*", "\"new terminal\" board", "termin* vote")) {
      Query query = ArchiveQueries.parseForHighlighting(text, List.of());
      String[] ours = Snippets.of(SEARCHER, query, allDocs(), bodies(allDocs()));
      assertArrayEquals(lucene(query, allDocs()), ours, text);
      assertTrue(Arrays.stream(ours).anyMatch(s -> s != null && s.contains("<mark>")), text);
    }
  }

  @Example
  void stemmedFormsAreMarkedAndWeighedByTheirCountInTheBody() throws IOException {
    String[] snippets = Snippets.of(SEARCHER, ArchiveQueries.parseForHighlighting("vote crossings", List.of()),
        allDocs(), bodies(allDocs()));
    String original = snippets[BODIES.size() - 1 - BODIES.indexOf(fixture("duplicates/original.txt"))];
    assertTrue(original.contains("<mark>voted</mark>"), original);
    assertTrue(original.contains("<mark>crossings</mark>"), original);
  }

  @Example
  void highlightsTheBodiesItIsHandedRatherThanReadingThemAgain() throws IOException {
    ScoreDoc[] first = {new ScoreDoc(0, 1f)};
    String[] snippet = Snippets.of(SEARCHER, ArchiveQueries.parseForHighlighting("lighthouse", List.of()), first,
        new String[] {"A handed-over body about the <b>lighthouse</b>."});
    assertEquals("A handed-over body about the &lt;b&gt;<mark>lighthouse</mark>&lt;&#x2F;b&gt;.", snippet[0]);
  }

  @Example
  void aBodyForEveryHitIsRequired() {
    Query query = ArchiveQueries.parseForHighlighting("harbour", List.of());
    assertThrows(IllegalArgumentException.class, () -> Snippets.of(SEARCHER, query, allDocs(), new String[1]));
  }

  /** Whole sentences of real article text, nearly {@code chars} long, that hold none of the test's words. */
  private static String filler(int chars) {
    String text = fixture("duplicates/unrelated.txt").replace("\n\n", " ");
    String cut = text.repeat(chars / text.length() + 1).substring(0, chars);
    return cut.substring(0, cut.lastIndexOf('.') + 1);
  }

  private static String snippet(String text, String body) throws IOException {
    return Snippets.of(SEARCHER, ArchiveQueries.parseForHighlighting(text, List.of()), new ScoreDoc[] {new ScoreDoc(0, 1f)},
        new String[] {body})[0];
  }

  @Example
  void aMatchFarIntoALongBodyIsFoundAndMarked() throws IOException {
    String body = filler(150_000) + " The lighthouse keepers left the island.";
    assertEquals("The <mark>lighthouse</mark> keepers left the island.", snippet("lighthouse", body).strip());
  }

  @Example
  void inALongBodyThePassagesAreSoughtInTheWindowAfterTheFirstMatch() throws IOException {
    String first = "The lighthouse was painted white. ";
    String body = first + filler(QueryTermOffsets.WINDOW_CHARS + 5_000)
        + " The lighthouse keepers left the lighthouse and the island.";
    // Without the window, the later sentence (the word twice) would be the second passage.
    assertEquals("The <mark>lighthouse</mark> was painted white.", snippet("lighthouse", body).strip());
    // A body the window covers is highlighted as before: the better sentence wins.
    String shorter = first + filler(2_000) + " The lighthouse keepers left the lighthouse and the island.";
    assertTrue(snippet("lighthouse", shorter).contains("<mark>lighthouse</mark> keepers left the <mark>lighthouse</mark>"),
        snippet("lighthouse", shorter));
  }

  @Example
  void theWindowStartsOnlyOnceEveryWordIsFound() throws IOException {
    String body = "The lighthouse was painted white. " + filler(40_000) + " A ferry called at the island.";
    String snippet = snippet("lighthouse ferry", body);
    assertTrue(snippet.contains("<mark>lighthouse</mark>"), snippet);
    assertTrue(snippet.contains("<mark>ferry</mark>"), snippet);
  }

  /** What Lucene's highlighter, set up as {@link Snippets} sets it up, makes of the stored bodies. */
  private static String[] lucene(Query query, ScoreDoc[] hits) throws IOException {
    return UnifiedHighlighter.builder(SEARCHER, ArticleSchema.analyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(200_000)
        .withWeightMatches(Snippets.hasPhrase(query))
        .build()
        .highlight(ArticleSchema.BODY, query, new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits), 2);
  }

  /** Every document, last first: not the index's order (the highlighter sorts by doc id inside). */
  private static ScoreDoc[] allDocs() {
    ScoreDoc[] hits = new ScoreDoc[BODIES.size()];
    for (int i = 0; i < hits.length; i++) hits[i] = new ScoreDoc(hits.length - 1 - i, 1f);
    return hits;
  }

  /** The bodies of the hits, in hit order, as the search hands them over. */
  private static String[] bodies(ScoreDoc[] hits) {
    return Arrays.stream(hits).map(h -> BODIES.get(h.doc)).toArray(String[]::new);
  }

  private static IndexSearcher index(List<String> bodies) {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(ArticleSchema.analyzer()))) {
        for (int i = 0; i < bodies.size(); i++) {
          writer.addDocument(ArticleSchema.toDocument(new Article("/t/" + i, "t" + i, "Title " + i, List.of(), null,
              null, null, List.of(), null, "en", null, bodies.get(i), "text/plain", List.of(), null)));
        }
      }
      return new IndexSearcher(DirectoryReader.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fixture(String name) {
    try (InputStream in = BodyHighlighterTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
