package org.backfile.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveIndexTest {

  @TempDir
  Path dir;

  static Article article(String source, String id, String title) {
    return new Article(source, id, title, List.of("Ana Ruiz"), PartialDate.parse("2012-04"), null,
        null, List.of(), null, "en", null, "Body of " + title, "text/plain", List.of(), null);
  }

  @Test
  void reimportingASourceReplacesItsArticlesInsteadOfAddingCopies() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/a.txt", List.of(article("/a.txt", "a1", "One"), article("/a.txt", "a2", "Two")));
      index.replaceSource("/a.txt", List.of(article("/a.txt", "a1", "One again")));
      index.refreshNow();
      assertEquals(1, (int) index.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.SOURCE, "/a.txt")))));
      assertEquals(0, (int) index.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.ID, "a2")))));
    }
  }

  @Test
  void reimportingAnArchiveReplacesTheArticlesOfItsEntries() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/n.zip", List.of(article("/n.zip!/a.txt", "z1", "One"), article("/n.zip!/b.txt", "z2", "Two")));
      index.replaceSource("/n.zip", List.of(article("/n.zip!/a.txt", "z1", "One again")));
      index.replaceSource("/n.zip.txt", List.of(article("/n.zip.txt", "t1", "Neighbour")));
      index.refreshNow();
      assertEquals(2, (int) index.withSearcher(s -> s.count(new org.apache.lucene.search.MatchAllDocsQuery())));
      assertEquals(0, (int) index.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.ID, "z2")))));
    }
  }

  @Test
  void anArchiveImportedInAnEarlierRunLosesTheEntriesItNoLongerHas() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/m.zip", List.of(article("/m.zip!/a.txt", "m1", "One"), article("/m.zip!/b.txt", "m2", "Two")));
      index.replaceSource("/gone.zip", List.of(article("/gone.zip!/a.txt", "g1", "Gone")));
    }
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/m.zip", List.of(article("/m.zip!/a.txt", "m1", "One again")));
      index.replaceSource("/gone.zip", List.of());
      index.refreshNow();
      assertEquals(1, (int) index.withSearcher(s -> s.count(new org.apache.lucene.search.MatchAllDocsQuery())));
      assertEquals("One again", index.withSearcher(s -> s.storedFields().document(
          s.search(new TermQuery(new Term(ArticleSchema.ID, "m1")), 1).scoreDocs[0].doc).get(ArticleSchema.TITLE)));
    }
  }

  @Test
  void aChangeIsSearchableWithinASecond() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      long gen = index.put(article("/b.txt", "b1", "Fresh"));
      assertTrue(index.awaitSearchable(gen, 1000), "not visible within a second");
      assertEquals(1, (int) index.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.ID, "b1")))));
    }
  }

  @Test
  void storedArticleReadsBackAsWritten() throws Exception {
    Article a = new Article("/c.html", "c1", "Title", List.of("A B", "C D"), PartialDate.parse("2011"),
        "The Gazette", "Travel", List.of("rail", "night"), "https://example.org/c", "en",
        "A dek.", "Para one.\n\nPara two.", "text/html", List.of("text cut"), null);
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.put(a);
      index.refreshNow();
      Article back = index.withSearcher(s -> ArticleSchema.toArticle(s.storedFields(),
          s.search(new TermQuery(new Term(ArticleSchema.ID, "c1")), 1).scoreDocs[0].doc));
      assertEquals(a, back);
      Article listed = index.withSearcher(s -> ArticleSchema.toListedArticle(s.storedFields(),
          s.search(new TermQuery(new Term(ArticleSchema.ID, "c1")), 1).scoreDocs[0].doc));
      assertEquals(new Article(a.source(), a.id(), a.title(), a.authors(), a.published(), a.publication(),
          a.section(), a.tags(), a.url(), a.language(), a.summary(), "", a.contentType(), a.warnings(), null),
          listed, "everything but the body");
    }
  }

  @Test
  void optimizeMergesIntoOneSegmentAndKeepsArticlesAndCommitData() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      for (int i = 0; i < 4; i++) {
        index.put(article("/o" + i + ".txt", "o" + i, "Segment " + i));
        index.refreshNow();   // each refresh flushes a segment of its own
      }
      index.deleteById("o2");
      index.commit(java.util.Map.of("journal.length", "123"));
      assertTrue(index.segments() > 1, "segments before: " + index.segments());

      index.optimize(1);

      assertEquals(1, index.segments());
      assertEquals(3, (int) index.withSearcher(s -> s.count(new org.apache.lucene.search.MatchAllDocsQuery())));
      assertEquals(0, (int) index.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.ID, "o2")))));
      assertEquals(1, (int) index.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.ID, "o3")))));
      assertEquals("123", index.commitData().get("journal.length"));
      assertThrows(IllegalArgumentException.class, () -> index.optimize(0));
    }
    assertEquals(1, ArchiveIndex.committedSegments(dir));
    try (ArchiveIndex reopened = ArchiveIndex.openReadOnly(dir)) {
      assertEquals(1, reopened.segments());
      assertEquals("123", reopened.commitData().get("journal.length"));
    }
  }

  @Test
  void aSecondWriterGetsAClearMessage() throws Exception {
    try (ArchiveIndex first = ArchiveIndex.openWritable(dir)) {
      assertTrue(first.writable());
      IndexLockedException e = assertThrows(IndexLockedException.class, () -> ArchiveIndex.openWritable(dir));
      assertTrue(e.getMessage().contains("in use by another Backfile process"), e.getMessage());
    }
  }

  @Test
  void readOnlyOpensWhileAWriterHoldsTheLock() throws Exception {
    try (ArchiveIndex writer = ArchiveIndex.openWritable(dir)) {
      writer.put(article("/d.txt", "d1", "Shared"));
      writer.commit();
      try (ArchiveIndex reader = ArchiveIndex.openReadOnly(dir)) {
        assertEquals(1, (int) reader.withSearcher(s -> s.count(new TermQuery(new Term(ArticleSchema.ID, "d1")))));
        assertThrows(IllegalStateException.class, () -> reader.put(article("/e.txt", "e1", "No")));
      }
    }
  }

  @Test
  void readOnlyOnAMissingIndexSaysHowToMakeOne() {
    MissingIndexException e = assertThrows(MissingIndexException.class,
        () -> ArchiveIndex.openReadOnly(dir.resolve("nothing-here")));
    assertTrue(e.getMessage().contains("backfile import"), e.getMessage());
  }
}
