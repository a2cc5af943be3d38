package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of more articles than one batch: written in batches by several threads, with the same result
 * as one thread, and never many articles in memory at once.
 */
class BatchedImportTest {

  private static final int BATCH = 7;

  @TempDir
  Path dir;

  /** One article per line; a line "fail" fails the file there, after the articles before it. */
  private static void lines(Path file, ArticleStream out) throws ExtractionException, InterruptedException {
    String source = FileExtractor.sourceOf(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE, e.toString());
    }
    int n = 0;
    for (String line : lines) {
      if (line.equals("fail")) throw new ExtractionException(source, ExtractionException.Reason.CORRUPT, "bad line");
      out.accept(article(source, n++, line));
    }
  }

  private static Article article(String source, int n, String text) {
    return new Article(source, ArticleIds.of(source, n), text, null, null, null, null, null, null, null, null,
        text, "text/plain", null, null);
  }

  /** An extractor that streams (the import must not ask it for a list). */
  private static BulkImporter.Extractor streaming(StreamingExtraction extraction) {
    return new BulkImporter.Extractor() {
      @Override
      public List<Article> extract(Path file) {
        throw new AssertionError("a streamed file was read as a list");
      }

      @Override
      public void extract(Path file, ArticleStream out) throws ExtractionException, InterruptedException {
        extraction.extract(file, out);
      }
    };
  }

  @FunctionalInterface
  private interface StreamingExtraction {
    void extract(Path file, ArticleStream out) throws ExtractionException, InterruptedException;
  }

  private static BulkImporter.Options threads(int n) {
    return new BulkImporter.Options(n, 1 << 20, 1 << 20, Duration.ofSeconds(30), 1000, false, false);
  }

  private ImportSummary importInto(BulkImporterTest.MemorySink sink, Path docs, int threads) throws Exception {
    ImportJournal journal = ImportJournal.open(Files.createDirectories(dir.resolve("index-" + sink.hashCode())),
        sink.commitData());
    return new BulkImporter(threads(threads), sink, journal, streaming(BatchedImportTest::lines), BATCH)
        .run(BulkImporter.listFiles(List.of(docs)), List.of(docs), p -> {}, r -> {});
  }

  private Path docs() throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 100; i++) big.append("story ").append(i).append('\n');
    Files.writeString(docs.resolve("big.txt"), big);
    StringBuilder other = new StringBuilder();
    for (int i = 0; i < 23; i++) other.append("other ").append(i).append('\n');
    Files.writeString(docs.resolve("other.txt"), other);
    Files.writeString(docs.resolve("small.txt"), "one\ntwo\n");
    return docs;
  }

  @Test
  void aFileOfManyBatchesGivesTheSameArticlesOnFourThreadsAsOnOne() throws Exception {
    Path docs = docs();
    BulkImporterTest.MemorySink one = new BulkImporterTest.MemorySink();
    BulkImporterTest.MemorySink four = new BulkImporterTest.MemorySink();

    ImportSummary a = importInto(one, docs, 1);
    ImportSummary b = importInto(four, docs, 4);

    assertEquals(125, a.articles());
    assertEquals(125, b.articles());
    assertEquals(sortedIds(one), sortedIds(four));
    assertEquals(100, four.titles(FileExtractor.sourceOf(docs.resolve("big.txt"))).size());
    assertEquals(one.committedArticles(), four.committedArticles());
  }

  @Test
  void aChangedBigFileReplacesAllItsArticlesAndAFailedOneLeavesNone() throws Exception {
    Path docs = docs();
    BulkImporterTest.MemorySink sink = new BulkImporterTest.MemorySink();
    importInto(sink, docs, 3);
    String big = FileExtractor.sourceOf(docs.resolve("big.txt"));

    StringBuilder shorter = new StringBuilder();
    for (int i = 0; i < 30; i++) shorter.append("revised ").append(i).append('\n');
    Files.writeString(docs.resolve("big.txt"), shorter);
    ImportSummary changed = importInto(sink, docs, 3);
    assertEquals(1, changed.imported());
    assertEquals(30, sink.titles(big).size());
    assertTrue(sink.titles(big).stream().allMatch(t -> t.startsWith("revised")));

    // fails after four batches were written: they go again, with the articles before
    Files.writeString(docs.resolve("big.txt"), shorter + "fail\nlast\n");
    ImportSummary failed = importInto(sink, docs, 3);
    assertEquals(1, failed.failures().size());
    assertEquals(List.of(), sink.titles(big));
    assertEquals(25, sink.committedArticles());
  }

  @Test
  void articlesHeldAtOnceStayBoundedWhateverTheFileSize() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("huge.jsonl"), "generated as it is read\n");
    int articles = 20_000;
    int threads = 3;
    AtomicLong held = new AtomicLong();
    AtomicLong peak = new AtomicLong();
    StreamingExtraction generator = (file, out) -> {
      String source = FileExtractor.sourceOf(file);
      for (int i = 0; i < articles; i++) {
        peak.accumulateAndGet(held.incrementAndGet(), Math::max);
        out.accept(article(source, i, "generated article " + i));
      }
    };
    CountingSink sink = new CountingSink(held);
    ImportJournal journal = ImportJournal.open(Files.createDirectories(dir.resolve("index")), Map.of());
    ImportSummary s = new BulkImporter(threads(threads), sink, journal, streaming(generator), BATCH)
        .run(BulkImporter.listFiles(List.of(docs)), List.of(docs), p -> {}, r -> {});

    assertEquals(articles, s.articles());
    assertEquals(articles, sink.written);
    assertEquals(articles, journal.get(FileExtractor.sourceOf(docs.resolve("huge.jsonl"))).ids().size());
    // queued batches (two per thread), one being filled, one being written per thread and the owner's
    long bound = (2L * threads + 1 + threads + 1) * BATCH;
    assertTrue(peak.get() <= bound, "held " + peak.get() + " articles at once, bound " + bound);
  }

  private static List<String> sortedIds(BulkImporterTest.MemorySink sink) {
    List<String> ids = new ArrayList<>(sink.committedIds());
    ids.sort(null);
    return ids;
  }

  /** Counts what it is given and keeps nothing, like an index that has flushed. */
  private static final class CountingSink implements ArticleSink {
    private final AtomicLong held;
    long written;

    CountingSink(AtomicLong held) {
      this.held = held;
    }

    @Override
    public void replace(String source, List<Article> articles) {
      append(source, articles);
    }

    @Override
    public void append(String source, List<Article> articles) {
      written += articles.size();
      held.addAndGet(-articles.size());
    }

    @Override
    public void commit() {}

    @Override
    public void commit(Map<String, String> commitData) {}

    @Override
    public Map<String, String> commitData() {
      return Map.of();
    }
  }
}
