package org.backfile.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene half of the import benchmark's bare loop: a minimal document (id, title, body as a
 * {@link TextField} with {@link StandardAnalyzer}) added with {@link IndexWriter#addDocument},
 * default writer settings, one commit at the end. No schema, grouping, journal or NRT reopening.
 * Thread-safe (IndexWriter is).
 */
public final class BareLuceneWriter implements AutoCloseable {

  private final Directory directory;
  private final IndexWriter writer;

  public BareLuceneWriter(Path dir) throws IOException {
    directory = FSDirectory.open(dir);
    writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
  }

  public void add(String id, String title, String body) throws IOException {
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    doc.add(new TextField("title", title, Field.Store.YES));
    doc.add(new TextField("body", body, Field.Store.YES));
    writer.addDocument(doc);
  }

  /** Commits and closes the writer (part of the timed span, as Backfile's last commit is). */
  @Override
  public void close() throws IOException {
    try {
      writer.commit();
      writer.close();
    } finally {
      directory.close();
    }
  }
}
