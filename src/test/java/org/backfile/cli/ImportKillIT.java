package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.backfile.cli.CliTest.Result;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.ArticleIds;
import org.backfile.ingest.FileExtractor;
import org.backfile.ingest.ImportJournal;
import org.backfile.ingest.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same import killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) again and again at
 * seeded random moments, some right after a commit, then run to the end: the index opens, and it
 * holds every file's article exactly once, as the journal says.
 */
class ImportKillIT {

  private static final int FILES = 2000;
  private static final int KILLS = 10;

  @TempDir
  Path dir;

  @Test
  void importKilledTenTimesEndsWithEveryArticleOnce() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Path index = dir.resolve("index");
    for (int i = 0; i < FILES; i++) {
      Files.writeString(docs.resolve(String.format(Locale.ROOT, "note-%04d.txt", i)),
          "Note " + i + "\n\nThe lighthouse log for night " + i + " mentions fog and gulls.\n");
    }
    Random random = new Random(42);
    long started = System.nanoTime();
    int kills = 0;
    List<Integer> durable = new ArrayList<>();
    while (kills < KILLS) {
      ChildJvm child = ChildJvm.start("256m", "import", "--verbose", "--threads", "1", "--commit-every", "100",
          "--index", index.toString(), docs.toString());
      // Half the kills come right after the 1st to 3rd commit, half at a random moment up to
      // 300 ms after the first commit (mostly while files are written, sometimes inside a commit).
      boolean rightAfterCommit = random.nextBoolean();
      int commits = rightAfterCommit ? 1 + random.nextInt(3) : 1;
      if (!child.awaitLine("committed", commits, 60)) {
        assertEquals(0, child.finish(30), "the import ended before a commit: " + child.output());
        break; // nothing left to import
      }
      if (!rightAfterCommit) child.process().waitFor(random.nextInt(300), TimeUnit.MILLISECONDS);
      if (!child.process().isAlive()) break;
      child.process().destroyForcibly();
      assertEquals(137, child.finish(30), "SIGKILL gives 128 + 9");
      kills++;
      try (ArchiveIndex killed = ArchiveIndex.openReadOnly(index)) {
        durable.add(killed.withSearcher(s -> s.getIndexReader().numDocs()));
      }
    }
    double killing = (System.nanoTime() - started) / 1e9;
    Result done = CliTest.run("import", "--quiet", "--index", index.toString(), docs.toString());
    assertEquals(0, done.code(), done.out() + done.err());
    System.out.printf(Locale.ROOT, "%d kills in %.1f s; articles durable after each: %s%n", kills, killing, durable);
    assertEquals(KILLS, kills, "the import finished before it was killed " + KILLS + " times: " + durable);

    try (ArchiveIndex archive = ArchiveIndex.openReadOnly(index)) {
      ImportJournal journal = ImportJournal.read(index, archive.commitData());
      List<String> ids = new ArrayList<>();
      for (JournalEntry e : journal.entries()) {
        assertEquals(JournalEntry.Status.IMPORTED, e.status(), e.source());
        ids.addAll(e.ids());
      }
      assertEquals(FILES, ids.size());
      assertEquals(FILES, new HashSet<>(ids).size(), "an id journaled twice");
      archive.withSearcher(s -> {
        assertEquals(FILES, s.getIndexReader().numDocs());
        for (int i = 0; i < FILES; i++) {
          Path file = docs.resolve(String.format(Locale.ROOT, "note-%04d.txt", i));
          String id = ArticleIds.of(FileExtractor.sourceOf(file), 0);
          assertEquals(1, s.count(new TermQuery(new Term(ArticleSchema.ID, id))), file.toString());
        }
        return null;
      });
    }
    Result search = CliTest.run("search", "--index", index.toString(), "--json", "lighthouse 1234");
    assertEquals(0, search.code(), search.err());
    assertTrue(search.out().contains("1234"), search.out());
  }
}
