package org.backfile.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.backfile.DuplicateArticles;
import org.backfile.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateGrouperTest {

  @TempDir
  Path dir;

  /** Groups and writes one article at a time, as the index does. */
  private static String write(DuplicateGrouper grouper, IndexWriter writer, Article a) throws Exception {
    BodyFingerprint fp = BodyFingerprint.of(a.body());
    List<BodyFingerprint> fps = new ArrayList<>();
    fps.add(fp);
    DuplicateGrouper.Batch batch = grouper.group(List.of(a.id()), fps);
    String group = batch.groups().get(0);
    Document doc = ArticleSchema.toDocument(a, fp, group);
    writer.addDocument(doc);
    grouper.written(batch);
    return group;
  }

  @Test
  void copiesAreFoundInTheIndexOnceTheInMemoryTableIsFull() throws Exception {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, new IndexWriterConfig(ArticleSchema.analyzer()));
        DuplicateGrouper grouper = new DuplicateGrouper(writer, 1)) {
      // With room for one article, every later article is looked up in a reopened reader.
      String original = write(grouper, writer, DuplicateArticles.original());
      String unrelated = write(grouper, writer, DuplicateArticles.unrelated());
      assertEquals(original, write(grouper, writer, DuplicateArticles.reprint()));
      assertEquals(original, write(grouper, writer, DuplicateArticles.copy()));
      assertNotEquals(original, unrelated);
    }
  }

  @Test
  void anAbandonedArticleIsNotACandidate() throws Exception {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(d, new IndexWriterConfig(ArticleSchema.analyzer()));
        DuplicateGrouper grouper = new DuplicateGrouper(writer)) {
      Article original = DuplicateArticles.original();
      DuplicateGrouper.Batch batch = grouper.group(List.of(original.id()),
          List.of(BodyFingerprint.of(original.body())));
      grouper.abandoned(batch);
      Article reprint = DuplicateArticles.reprint();
      String group = write(grouper, writer, reprint);
      assertEquals(ArticleSchema.ownGroup(reprint.id(), BodyFingerprint.of(reprint.body())), group);
    }
  }
}
