package org.backfile.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ArchiveWriter} over the embedded index: each change is committed (it survives a crash)
 * and waited for until searches see it, at most {@link #VISIBLE_WITHIN_MILLIS}.
 */
public final class IndexArchiveWriter implements ArchiveWriter {

  private static final Logger log = LoggerFactory.getLogger(IndexArchiveWriter.class);
  static final long VISIBLE_WITHIN_MILLIS = 1000;

  private final ArchiveIndex index;

  public IndexArchiveWriter(ArchiveIndex index) {
    if (!index.writable()) {
      throw new IllegalArgumentException("index " + index.dir() + " is read-only; open it with openWritable");
    }
    this.index = index;
  }

  @Override
  public Article add(Article article) {
    try {
      long generation = index.put(article);
      index.commit();
      awaitSearchable(generation);
      log.info("added article {} from {}", article.id(), article.source());
      return article;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean delete(String id) {
    TermQuery byId = new TermQuery(new Term(ArticleSchema.ID, id));
    if (index.withSearcher(s -> s.count(byId)) == 0) return false;
    try {
      long generation = index.deleteById(id);
      index.commit();
      awaitSearchable(generation);
      log.info("deleted article {}", id);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitSearchable(long generation) {
    try {
      if (!index.awaitSearchable(generation, VISIBLE_WITHIN_MILLIS)) {
        log.warn("change {} not searchable within {} ms", generation, VISIBLE_WITHIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a change to become searchable", e);
    }
  }
}
