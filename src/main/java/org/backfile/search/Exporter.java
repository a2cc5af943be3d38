package org.backfile.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldDocs;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;

/**
 * Streams every match in batches with search-after, all from the one searcher acquired at the
 * start: rows are a consistent snapshot whose index version goes in the header, and memory holds
 * one batch at a time.
 *
 * <p>Each search-after pass visits every match again, so batches start small (the first rows
 * come quickly) and double up to {@link #MAX_BATCH}: a million rows take about 40 passes, not
 * the 2,000 of fixed 500-row batches that made large exports quadratic.
 */
final class Exporter {

  static final int FIRST_BATCH = 500;
  /** About 3 MB of sort entries: memory stays flat however many rows there are. */
  static final int MAX_BATCH = 32_768;

  private Exporter() {}

  /** Builds the query from the searcher it will run on (the parser needs to see the index). */
  interface QueryFor {
    Query build(IndexSearcher searcher);
  }

  static long run(ArchiveIndex index, QueryFor queryFor, SearchRequest request, Sort sort, ExportSink sink)
      throws IOException {
    return run(index, queryFor, request, sort, sink, FIRST_BATCH, MAX_BATCH);
  }

  static long run(ArchiveIndex index, QueryFor queryFor, SearchRequest request, Sort sort, ExportSink sink,
      int firstBatch, int maxBatch) throws IOException {
    try {
      return index.withSearcher(searcher -> stream(searcher, queryFor.build(searcher), request, sort, sink,
          firstBatch, maxBatch));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static long stream(IndexSearcher searcher, Query query, SearchRequest request, Sort sort,
      ExportSink sink, int firstBatch, int maxBatch) throws IOException {
    long total = searcher.count(query);
    long version = searcher.getIndexReader() instanceof DirectoryReader dr ? dr.getVersion() : -1;
    sink.header(new ExportHeader(request.query(), request.filters(), request.sort().label(), version,
        total, Instant.now().toString()));
    StoredFields stored = searcher.storedFields();
    long written = 0;
    FieldDoc after = null;
    int size = firstBatch;
    while (true) {
      TopFieldDocs batch = after == null ? searcher.search(query, size, sort, true)
          : searcher.searchAfter(after, query, size, sort, true);
      for (ScoreDoc sd : batch.scoreDocs) {
        sink.row(ArticleSchema.toArticle(stored, sd.doc));
        written++;
      }
      if (batch.scoreDocs.length < size) return written;
      after = (FieldDoc) batch.scoreDocs[batch.scoreDocs.length - 1];
      size = Math.min(maxBatch, size * 2);
    }
  }
}
