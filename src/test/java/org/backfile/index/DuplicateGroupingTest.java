package org.backfile.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.backfile.DuplicateArticles;
import org.backfile.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateGroupingTest {

  @TempDir
  Path dir;

  private static String groupOf(ArchiveIndex index, String id) {
    return index.withSearcher(s -> {
      TopDocs top = s.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      return s.storedFields().document(top.scoreDocs[0].doc).get(ArticleSchema.DUP_GROUP);
    });
  }

  @Test
  void aReprintWithANewHeadlineAndOneSentenceChangedIsANearDuplicate() {
    BodyFingerprint original = BodyFingerprint.of(DuplicateArticles.original().body());
    BodyFingerprint reprint = BodyFingerprint.of(DuplicateArticles.reprint().body());
    BodyFingerprint unrelated = BodyFingerprint.of(DuplicateArticles.unrelated().body());
    assertTrue(original.isDuplicateOf(reprint), "similarity " + original.similarity(reprint));
    assertTrue(original.similarity(unrelated) < 0.1, "similarity " + original.similarity(unrelated));
    assertEquals(original.exactHash(), BodyFingerprint.of("  " + DuplicateArticles.original().body().toUpperCase()).exactHash());
  }

  @Test
  void copiesShareAGroupAndAnUnrelatedArticleDoesNot() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      for (Article a : DuplicateArticles.all()) index.put(a);
      index.refreshNow();
      String group = groupOf(index, DuplicateArticles.ORIGINAL);
      assertEquals(group, groupOf(index, DuplicateArticles.COPY));
      assertEquals(group, groupOf(index, DuplicateArticles.REPRINT));
      assertNotEquals(group, groupOf(index, DuplicateArticles.UNRELATED));
    }
  }

  @Test
  void aLaterImportJoinsTheGroupAlreadyInTheIndex() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/dup/coast-gazette.txt", List.of(DuplicateArticles.original()));
      index.commit();
    }
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/dup/weekly-star.txt", List.of(DuplicateArticles.reprint()));
      index.refreshNow();
      assertEquals(groupOf(index, DuplicateArticles.ORIGINAL), groupOf(index, DuplicateArticles.REPRINT));
    }
  }

  @Test
  void copiesInOneBatchFindEachOtherBeforeTheyAreSearchable() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.replaceSource("/dup/all.mbox", List.of(DuplicateArticles.original(), DuplicateArticles.unrelated(),
          DuplicateArticles.reprint()));
      index.put(DuplicateArticles.copy());
      index.refreshNow();
      String group = groupOf(index, DuplicateArticles.ORIGINAL);
      assertEquals(group, groupOf(index, DuplicateArticles.REPRINT));
      assertEquals(group, groupOf(index, DuplicateArticles.COPY));
      assertNotEquals(group, groupOf(index, DuplicateArticles.UNRELATED));
    }
  }

  @Test
  void shortBodiesAreNeverGrouped() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      index.put(DuplicateArticles.article("/s/1", "short1", "One", "2012", null, "See the attached file."));
      index.put(DuplicateArticles.article("/s/2", "short2", "Two", "2012", null, "See the attached file."));
      index.refreshNow();
      assertNotEquals(groupOf(index, "short1"), groupOf(index, "short2"));
      assertNull(BodyFingerprint.of("See the attached file."));
    }
  }
}
