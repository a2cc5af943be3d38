package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * SIGTERM ({@link Process#destroy()}) stops an import cleanly and a server closes its index; a
 * second writer on a locked index gets a sentence, not a stack trace.
 */
class ImportSignalsIT {

  private static final int FILES = 600;

  @TempDir
  Path dir;

  @Test
  void sigtermStopsImportWithIndexAndJournalInAgreement() throws Exception {
    Path docs = writeDocs();
    Path index = dir.resolve("index");
    ChildJvm child = ChildJvm.start("256m", "import", "--verbose", "--threads", "1", "--commit-every", "50",
        "--index", index.toString(), docs.toString());
    assertTrue(child.awaitLine("committed", 60), child.output());
    assertTrue(child.process().isAlive(), "the import finished before SIGTERM");
    child.process().destroy();
    int code = child.finish(60);
    assertEquals(143, code, "SIGTERM gives 128 + 15: " + child.output());
    assertTrue(child.output().contains("Stopped early"), child.output());

    int stopped = assertAgrees(index, -1);
    assertTrue(stopped > 0 && stopped < FILES, "articles committed at SIGTERM: " + stopped);

    Result rest = CliTest.run("import", "--quiet", "--index", index.toString(), docs.toString());
    assertEquals(0, rest.code(), rest.out() + rest.err());
    assertTrue(rest.out().contains(stopped + " files unchanged"), rest.out());
    assertAgrees(index, FILES);
  }

  @Test
  void sigtermStopsServerAndReleasesTheIndex() throws Exception {
    Path index = dir.resolve("index");
    Result imported = CliTest.run("import", "--quiet", "--index", index.toString(), writeDocs().toString());
    assertEquals(0, imported.code(), imported.err());
    ChildJvm server = ChildJvm.start("256m", "serve", "--port", "0", "--index", index.toString());
    assertTrue(server.awaitLine("Backfile is serving", 60), server.output());
    server.process().destroy();
    assertEquals(143, server.finish(60), server.output());
    try (ArchiveIndex writable = ArchiveIndex.openWritable(index)) {
      int articles = writable.withSearcher(s -> s.getIndexReader().numDocs());
      assertEquals(FILES, articles);
    }
  }

  @Test
  void secondWriterOnLockedIndexGetsAClearMessage() throws Exception {
    Path docs = writeDocs();
    Path index = dir.resolve("index");
    try (ArchiveIndex held = ArchiveIndex.openWritable(index)) {
      Result second = CliTest.run("import", "--index", index.toString(), docs.toString());
      assertEquals(2, second.code(), second.err());
      assertTrue(second.err().contains("is in use by another Backfile process"), second.err());
      assertFalse(second.err().contains("Exception") || second.err().contains("\tat "), second.err());
    }
  }

  private Path writeDocs() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(docs.resolve(String.format(Locale.ROOT, "memo-%03d.txt", i)),
          "Memo " + i + "\n\nThe tide table for day " + i + " lists two highs and two lows.\n");
    }
    return docs;
  }

  /** The journal lists only imported files, each id once, all in the index; returns how many. */
  private static int assertAgrees(Path index, int expected) throws Exception {
    try (ArchiveIndex archive = ArchiveIndex.openReadOnly(index)) {
      ImportJournal journal = ImportJournal.read(index, archive.commitData());
      List<String> ids = new ArrayList<>();
      for (JournalEntry e : journal.entries()) {
        assertEquals(JournalEntry.Status.IMPORTED, e.status(), e.source());
        ids.addAll(e.ids());
      }
      assertEquals(ids.size(), new HashSet<>(ids).size(), "an id journaled twice");
      if (expected >= 0) assertEquals(expected, ids.size());
      return archive.withSearcher(s -> {
        assertEquals(ids.size(), s.getIndexReader().numDocs(), "index and journal disagree");
        for (String id : ids) assertEquals(1, s.count(new TermQuery(new Term(ArticleSchema.ID, id))), id);
        return ids.size();
      });
    }
  }
}
