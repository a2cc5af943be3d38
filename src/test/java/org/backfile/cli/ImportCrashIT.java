package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.backfile.cli.CliTest.Result;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.ImportJournal;
import org.backfile.ingest.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with kill -9 in the middle, then run again: nothing lost, nothing twice, and the
 * journal agrees with the index. The first import runs in a child JVM so it can be killed.
 */
class ImportCrashIT {

  private static final int FILES = 300;

  @TempDir
  Path dir;

  @Test
  void importKilledMidwayResumesWithNothingLostOrDuplicated() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Path index = dir.resolve("index");
    for (int i = 0; i < FILES; i++) {
      Files.writeString(docs.resolve(String.format(Locale.ROOT, "story-%03d.txt", i)),
          "Story number " + i + "\n\nThe harbour report for day " + i + " mentions boats and kites.\n");
    }

    Process child = startImport(docs, index);
    CompletableFuture<String> firstCommit = CompletableFuture.supplyAsync(() -> awaitLine(child, "committed"));
    String line = firstCommit.get(60, TimeUnit.SECONDS);
    assertTrue(child.isAlive(), "the import finished before it could be killed: " + line);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));

    int durable;
    try (ArchiveIndex killed = ArchiveIndex.openReadOnly(index)) {
      durable = killed.withSearcher(s -> s.getIndexReader().numDocs());
    }
    assertTrue(durable > 0 && durable < FILES, "articles committed before the kill: " + durable);

    Result resumed = CliTest.run("import", "--quiet", "--resume", "--index", index.toString(), docs.toString());
    assertEquals(0, resumed.code(), resumed.out() + resumed.err());
    // The resumed run skips the files journaled in the last commit. Import threads write while the
    // journal thread commits, so that commit may also hold the articles of a file journaled just
    // after it: such a file is imported again and its articles replaced, never added twice.
    java.util.regex.Matcher skipped = java.util.regex.Pattern.compile("(\\d+) files unchanged").matcher(resumed.out());
    assertTrue(skipped.find(), resumed.out());
    int unchanged = Integer.parseInt(skipped.group(1));
    assertTrue(unchanged > 0 && unchanged <= durable, unchanged + " unchanged, " + durable + " durable: " + resumed.out());
    assertAgrees(index);

    Result again = CliTest.run("import", "--quiet", "--index", index.toString(), docs.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("Imported 0 articles from 0 files"), again.out());
    assertTrue(again.out().contains(FILES + " files unchanged"), again.out());
    assertAgrees(index);
  }

  /** Every file once in the journal, each journaled id once in the index, and nothing else there. */
  private static void assertAgrees(Path index) throws Exception {
    try (ArchiveIndex archive = ArchiveIndex.openReadOnly(index)) {
      ImportJournal journal = ImportJournal.read(index, archive.commitData());
      List<String> ids = new ArrayList<>();
      for (JournalEntry e : journal.entries()) {
        assertEquals(JournalEntry.Status.IMPORTED, e.status(), e.source());
        ids.addAll(e.ids());
      }
      assertEquals(FILES, journal.entries().size());
      assertEquals(FILES, ids.size());
      archive.withSearcher(s -> {
        assertEquals(FILES, s.getIndexReader().numDocs());
        for (String id : ids) assertEquals(1, s.count(new TermQuery(new Term(ArticleSchema.ID, id))), id);
        return null;
      });
    }
  }

  private static Process startImport(Path docs, Path index) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), "org.backfile.cli.Main",
        "import", "--verbose", "--threads", "1", "--commit-every", "10", "--index", index.toString(), docs.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the child's output until a line contains the text; keeps draining afterwards. */
  private static String awaitLine(Process child, String text) {
    BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.contains(text)) {
          Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "drain-child-output");
          drain.setDaemon(true);
          drain.start();
          return line;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalStateException("the import ended without printing '" + text + "'");
  }
}
