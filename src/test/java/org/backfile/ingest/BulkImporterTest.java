package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-runs, changes, prunes, failures and timeouts, with a journal on disk and an in-memory sink. */
class BulkImporterTest {

  @TempDir
  Path dir;

  private Path docs;
  private Path indexDir;
  private final MemorySink sink = new MemorySink();
  private final AtomicInteger extractions = new AtomicInteger();

  /**
   * One article per non-blank line; a file saying "hang" waits forever (until its thread is
   * interrupted, so the abandoned thread does not keep a core busy for the rest of the test run),
   * "oom" runs out of memory, "bad" is corrupt.
   */
  private final BulkImporter.Extractor lines = file -> {
    extractions.incrementAndGet();
    String source = FileExtractor.sourceOf(file);
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE, e.toString());
    }
    switch (text.strip()) {
      case "hang" -> {
        try {
          new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
          throw new IllegalStateException("interrupted", e);
        }
      }
      case "oom" -> throw new OutOfMemoryError("Java heap space");
      case "bad" -> throw new ExtractionException(source, ExtractionException.Reason.CORRUPT, "bad bytes");
      default -> { }
    }
    List<Article> articles = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) continue;
      int n = articles.size();
      articles.add(new Article(source, ArticleIds.of(source, n), line, null, null, null, null, null, null,
          null, null, line, "text/plain", null, null));
    }
    return articles;
  };

  @BeforeEach
  void writeFiles() throws IOException {
    docs = Files.createDirectories(dir.resolve("docs"));
    indexDir = Files.createDirectories(dir.resolve("index"));
    Files.writeString(docs.resolve("a.txt"), "one\ntwo\nthree\n");
    Files.writeString(docs.resolve("b.txt"), "four\n");
    Files.writeString(docs.resolve("c.txt"), "five\nsix\n");
  }

  private ImportSummary importDocs(BulkImporter.Options options) throws Exception {
    ImportJournal journal = ImportJournal.open(indexDir, sink.commitData());
    return new BulkImporter(options, sink, journal, lines)
        .run(BulkImporter.listFiles(List.of(docs)), List.of(docs), p -> {}, r -> {});
  }

  private static BulkImporter.Options options() {
    return new BulkImporter.Options(2, 1 << 20, 1 << 20, Duration.ofSeconds(30), 1000, false, false);
  }

  private static BulkImporter.Options withTimeout(Duration timeout) {
    return new BulkImporter.Options(2, 1 << 20, 1 << 20, timeout, 1000, false, false);
  }

  private static BulkImporter.Options retrying() {
    return new BulkImporter.Options(2, 1 << 20, 1 << 20, Duration.ofSeconds(30), 1000, true, false);
  }

  private static BulkImporter.Options pruning() {
    return new BulkImporter.Options(2, 1 << 20, 1 << 20, Duration.ofSeconds(30), 1000, false, true);
  }

  private String source(String name) {
    return FileExtractor.sourceOf(docs.resolve(name));
  }

  @Test
  void secondRunSkipsEveryUnchangedFileWithoutReadingIt() throws Exception {
    ImportSummary first = importDocs(options());
    assertEquals(6, first.articles());
    assertEquals(3, extractions.get());

    ImportSummary second = importDocs(options());
    assertEquals(3, second.skipped());
    assertEquals(0, second.imported());
    assertEquals(3, extractions.get());
    assertEquals(6, sink.committedArticles());
  }

  @Test
  void touchedFileWithTheSameBytesIsSkippedByItsHash() throws Exception {
    importDocs(options());
    Files.setLastModifiedTime(docs.resolve("b.txt"), FileTime.fromMillis(946_684_800_000L));

    ImportSummary second = importDocs(options());
    assertEquals(3, second.skipped());
    assertEquals(3, extractions.get());
    // the new modification time is journaled, so the next run needs no hash either
    assertEquals(946_684_800_000L, ImportJournal.read(indexDir, sink.commitData()).get(source("b.txt")).modifiedMillis());
  }

  @Test
  void changedFileReplacesItsArticles() throws Exception {
    importDocs(options());
    Files.writeString(docs.resolve("a.txt"), "only one now, and longer\n");

    ImportSummary second = importDocs(options());
    assertEquals(1, second.imported());
    assertEquals(2, second.skipped());
    assertEquals(List.of("only one now, and longer"), sink.titles(source("a.txt")));
    assertEquals(4, sink.committedArticles());
    assertEquals(1, ImportJournal.read(indexDir, sink.commitData()).get(source("a.txt")).ids().size());
  }

  @Test
  void pruneRemovesTheArticlesOfFilesThatAreGone() throws Exception {
    importDocs(options());
    Files.delete(docs.resolve("c.txt"));

    ImportSummary kept = importDocs(options());
    assertEquals(0, kept.removed());
    assertEquals(6, sink.committedArticles());

    ImportSummary pruned = importDocs(pruning());
    assertEquals(1, pruned.removed());
    assertEquals(4, sink.committedArticles());
    assertNull(ImportJournal.read(indexDir, sink.commitData()).get(source("c.txt")));
  }

  @Test
  void aParserThatNeverStopsTimesOutAndTheRestIsImported() throws Exception {
    Files.writeString(docs.resolve("stuck.txt"), "hang");
    ImportSummary s = importDocs(withTimeout(Duration.ofMillis(300)));

    assertEquals(1, s.failures().size());
    assertEquals(ExtractionException.Reason.TIMED_OUT, s.failures().get(0).reason());
    assertEquals(source("stuck.txt"), s.failures().get(0).source());
    assertEquals(3, s.imported());
    assertEquals(6, sink.committedArticles());
  }

  @Test
  void aParserRunningOutOfMemoryFailsThatFileOnly() throws Exception {
    Files.writeString(docs.resolve("big.txt"), "oom");
    ImportSummary s = importDocs(options());

    assertEquals(1, s.failures().size());
    assertEquals(ExtractionException.Reason.CORRUPT, s.failures().get(0).reason());
    assertTrue(s.failures().get(0).message().contains("memory"), s.failures().get(0).message());
    assertEquals(6, s.articles());
  }

  @Test
  void failedFilesAreReportedAsEarlierFailuresUntilRetried() throws Exception {
    Files.writeString(docs.resolve("bad.txt"), "bad");
    ImportSummary first = importDocs(options());
    assertEquals(List.of(new ImportFailure(source("bad.txt"), ExtractionException.Reason.CORRUPT, "bad bytes", false)),
        first.failures());

    ImportSummary second = importDocs(options());
    assertEquals(List.of(new ImportFailure(source("bad.txt"), ExtractionException.Reason.CORRUPT, "bad bytes", true)),
        second.failures());
    assertEquals(4, extractions.get());

    Files.writeString(docs.resolve("bad.txt"), "bad");
    Files.setLastModifiedTime(docs.resolve("bad.txt"), FileTime.fromMillis(946_684_800_000L));
    ImportSummary retried = importDocs(retrying());
    assertEquals(5, extractions.get());
    assertFalse(retried.failures().get(0).earlier());

    Files.writeString(docs.resolve("bad.txt"), "fixed\n");
    ImportSummary fixed = importDocs(options());
    assertEquals(List.of(), fixed.failures());
    assertEquals(List.of("fixed"), sink.titles(source("bad.txt")));
  }

  @Test
  void journalLinesWrittenAfterTheLastIndexCommitAreDropped() throws Exception {
    importDocs(options());
    Map<String, String> committed = sink.commitData();
    ImportJournal journal = ImportJournal.open(indexDir, committed);
    journal.append(new JournalEntry(source("new.txt"), 1, 1, "00", JournalEntry.Status.IMPORTED, List.of("x"),
        null, null, "now"));
    journal.sync(); // on disk, but the index commit that would cover it never happened

    assertNull(ImportJournal.read(indexDir, committed).get(source("new.txt")));
    ImportJournal reopened = ImportJournal.open(indexDir, committed);
    assertNull(reopened.get(source("new.txt")));
    assertEquals(3, reopened.entries().size());
  }

  @Test
  void compactedJournalCountsFromTheCommitThatNamesIt() throws Exception {
    importDocs(options());
    Files.writeString(docs.resolve("b.txt"), "four, revised\n");
    importDocs(options());
    Map<String, String> beforeCompaction = sink.commitData();
    Path folder = indexDir.resolve(ImportJournal.FOLDER);

    ImportJournal journal = ImportJournal.open(indexDir, beforeCompaction);
    journal.compact();
    // crash before the commit: the old file still holds, the new one goes
    ImportJournal crashed = ImportJournal.open(indexDir, beforeCompaction);
    assertEquals(List.of(ImportJournal.FIRST_FILE), fileNames(folder));
    assertEquals(3, crashed.entries().size());

    crashed.compact();
    sink.commit(crashed.sync());
    ImportJournal reopened = ImportJournal.open(indexDir, sink.commitData());
    assertEquals(List.of("journal-1.jsonl"), fileNames(folder));
    assertEquals(3, Files.readAllLines(folder.resolve("journal-1.jsonl")).size());
    assertEquals(List.of("four, revised"), sink.titles(source("b.txt")));
    assertEquals(1, reopened.get(source("b.txt")).ids().size());
    assertEquals(3, importDocs(options()).skipped());
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Keeps articles by source, and what the last commit held. */
  static final class MemorySink implements ArticleSink {
    private final Map<String, List<Article>> live = new TreeMap<>();
    private Map<String, List<Article>> committed = Map.of();
    private Map<String, String> data = Map.of();

    @Override
    public void replace(String source, List<Article> articles) {
      if (articles.isEmpty()) live.remove(source);
      else live.put(source, List.copyOf(articles));
    }

    @Override
    public void append(String source, List<Article> articles) {
      List<Article> all = new ArrayList<>(live.getOrDefault(source, List.of()));
      all.addAll(articles);
      live.put(source, List.copyOf(all));
    }

    @Override
    public void commit() {
      committed = new HashMap<>(live);
    }

    @Override
    public void commit(Map<String, String> commitData) {
      commit();
      data = Map.copyOf(commitData);
    }

    @Override
    public Map<String, String> commitData() {
      return data;
    }

    long committedArticles() {
      return committed.values().stream().mapToLong(List::size).sum();
    }

    List<String> committedIds() {
      return committed.values().stream().flatMap(List::stream).map(Article::id).toList();
    }

    List<String> titles(String source) {
      return committed.getOrDefault(source, List.of()).stream().map(Article::title).toList();
    }
  }
}
