package org.backfile.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.backfile.ingest.Article;
import org.backfile.ingest.ArticleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index folder: its directory, its single writer and the searchers over it. Writers see their
 * own changes within a second (near-real-time reopen); only {@link #commit()} makes them survive a
 * crash. A read-only instance takes no write lock, so the CLI can search an index a server holds.
 * Every article written joins the duplicate group of what it copies ({@link DuplicateGrouper}), so
 * grouping holds across imports, re-imports and single adds alike.
 */
public final class ArchiveIndex implements AutoCloseable, ArticleSink {

  private static final Logger log = LoggerFactory.getLogger(ArchiveIndex.class);
  /** Changes become searchable at most this late; waiters for a change get it sooner. */
  private static final double MAX_STALE_SECONDS = 0.5;
  private static final double MIN_STALE_SECONDS = 0.01;

  /** Articles of one source written as one atomic block; larger sources go in chunks of this size. */
  private static final int ATOMIC_BLOCK = 500;

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  /** Null when read-only, and while a bulk import runs (see {@link #importing}). */
  private volatile ControlledRealTimeReopenThread<IndexSearcher> reopener;
  private final DuplicateGrouper grouper; // null when read-only
  /** Sources written as archives (their articles' sources are "source!/entry") by this instance. */
  private final Set<String> archivesWritten = ConcurrentHashMap.newKeySet();

  private ArchiveIndex(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers)
      throws IOException {
    this.dir = dir;
    this.grouper = writer == null ? null : new DuplicateGrouper(writer);
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    reopener = writer == null ? null : startReopener(writer, searchers);
  }

  private static ControlledRealTimeReopenThread<IndexSearcher> startReopener(IndexWriter writer,
      SearcherManager searchers) {
    var reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
    reopener.setName("backfile-nrt-reopen");
    reopener.setDaemon(true);
    reopener.start();
    return reopener;
  }

  /**
   * A bulk import starts (true) or ends (false). While it runs, searchers are not reopened every
   * half second: each reopen flushed a small segment that merges then had to rewrite, and the
   * import's own duplicate lookups do not need them. Searches still see the index as of their last
   * refresh ({@link #refreshNow()}, {@link #withSearcher}); waiting for a change refreshes at once.
   */
  @Override
  public synchronized void importing(boolean running) throws IOException {
    if (writer == null) return;
    if (running && reopener != null) {
      reopener.close();
      reopener = null;
    } else if (!running && reopener == null) {
      reopener = startReopener(writer, searchers);
    }
  }

  /** Opens (creating if needed) an index for reading and writing; holds its write lock. */
  public static ArchiveIndex openWritable(Path dir) throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    try {
      IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64)
          // Stored bodies are most of the index; DEFLATE keeps them at about two thirds of LZ4's size,
          // and a page of hits decompresses only its own blocks.
          .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
      IndexWriter writer = new IndexWriter(directory, config);
      if (writer.getDocStats().maxDoc == 0 && !DirectoryReader.indexExists(directory)) {
        writer.commit(); // an empty but valid index, so readers can open it at once
      }
      return new ArchiveIndex(dir, directory, writer, new SearcherManager(writer, null));
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(dir);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Opens an existing index for searching only. */
  public static ArchiveIndex openReadOnly(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new MissingIndexException(dir);
    }
    Directory directory = FSDirectory.open(dir);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new MissingIndexException(dir);
    }
    return new ArchiveIndex(dir, directory, null, new SearcherManager(directory, null));
  }

  public Path dir() {
    return dir;
  }

  public boolean writable() {
    return writer != null;
  }

  /**
   * Replaces every article of a source, and of the entries of a source that is an archive, with
   * the given ones (none: the source's articles go).
   *
   * @return the writer generation; pass it to {@link #awaitSearchable(long, long)}
   */
  public long replaceSource(String source, List<Article> articles) throws IOException {
    IndexWriter writer = requireWriter();
    // An archive's articles carry their entry as source ("a.zip!/inner.txt"): they go with it. A
    // delete by query is run against every segment at every flush, so ask for it only when such
    // articles may exist: in the index as last opened for lookups, or written since.
    String entries = source + "!/";
    if (archivesWritten.contains(source) || grouper.indexHasTermStartingWith(ArticleSchema.SOURCE, entries)) {
      writer.deleteDocuments(new PrefixQuery(new Term(ArticleSchema.SOURCE, entries)));
    }
    noteArchive(source, articles);
    Term bySource = new Term(ArticleSchema.SOURCE, source);
    if (articles.isEmpty()) {
      // updateDocuments with no documents left the RAM accounting off (an assertion failed on close)
      return writer.deleteDocuments(bySource);
    }
    if (articles.size() <= ATOMIC_BLOCK) return write(articles, docs -> writer.updateDocuments(bySource, docs));
    // A file of thousands of articles (a mailbox, a wire archive) is not added as one block:
    // Lucene keeps a block in memory until it is whole. Delete, then add in chunks; the journal
    // marks the file imported only once a commit holds all of it.
    long generation = writer.deleteDocuments(bySource);
    for (int from = 0; from < articles.size(); from += ATOMIC_BLOCK) {
      generation = write(articles.subList(from, Math.min(articles.size(), from + ATOMIC_BLOCK)), writer::addDocuments);
    }
    return generation;
  }

  /**
   * Adds more articles of a source after {@link #replaceSource} wrote its first ones (a large file
   * imported in batches); not atomic, like a large source's replacement.
   */
  public long appendToSource(String source, List<Article> articles) throws IOException {
    IndexWriter writer = requireWriter();
    noteArchive(source, articles);
    long generation = 0;
    for (int from = 0; from < articles.size(); from += ATOMIC_BLOCK) {
      generation = write(articles.subList(from, Math.min(articles.size(), from + ATOMIC_BLOCK)), writer::addDocuments);
    }
    return generation;
  }

  @Override
  public void append(String source, List<Article> articles) throws IOException {
    appendToSource(source, articles);
  }

  private void noteArchive(String source, List<Article> articles) {
    String entries = source + "!/";
    for (Article a : articles) {
      if (a.source().startsWith(entries)) {
        archivesWritten.add(source);
        break;
      }
    }
  }

  /** IndexWriter is thread-safe and the grouper takes its own lock. */
  @Override
  public boolean concurrent() {
    return true;
  }

  @Override
  public void replace(String source, List<Article> articles) throws IOException {
    replaceSource(source, articles);
  }

  /** Adds or replaces one article by its id. */
  public long put(Article article) throws IOException {
    IndexWriter writer = requireWriter();
    return write(List.of(article), docs -> writer.updateDocument(new Term(ArticleSchema.ID, article.id()), docs.get(0)));
  }

  /**
   * Writes articles, each in the duplicate group of what it copies ({@link DuplicateGrouper}). Only
   * the grouping decision is serial; fingerprints, documents and Lucene's analysis run on the
   * calling thread, so import threads write in parallel.
   */
  private long write(List<Article> articles, DocumentsWrite write) throws IOException {
    List<String> ids = new ArrayList<>(articles.size());
    List<BodyFingerprint> fps = new ArrayList<>(articles.size());
    for (Article a : articles) {
      ids.add(a.id());
      fps.add(BodyFingerprint.of(a.body()));
    }
    DuplicateGrouper.Batch batch = grouper.group(ids, fps);
    try {
      List<Document> docs = new ArrayList<>(articles.size());
      for (int i = 0; i < articles.size(); i++) {
        docs.add(ArticleSchema.toDocument(articles.get(i), fps.get(i), batch.groups().get(i)));
      }
      long generation = write.to(docs);
      grouper.written(batch);
      return generation;
    } catch (IOException | RuntimeException e) {
      grouper.abandoned(batch);
      throw e;
    }
  }

  /** One of IndexWriter's ways to add documents. */
  @FunctionalInterface
  private interface DocumentsWrite {
    long to(List<Document> docs) throws IOException;
  }

  public long deleteById(String id) throws IOException {
    return requireWriter().deleteDocuments(new Term(ArticleSchema.ID, id));
  }

  /** Makes every change so far durable. */
  @Override
  public void commit() throws IOException {
    requireWriter().commit();
  }

  /**
   * Makes every change so far durable and stores these pairs in the same commit (Lucene commit user
   * data; they stay with later commits until replaced). The import journal keeps its length here.
   */
  @Override
  public void commit(Map<String, String> commitData) throws IOException {
    IndexWriter w = requireWriter();
    Map<String, String> data = new HashMap<>(commitData());
    data.putAll(commitData);
    w.setLiveCommitData(data.entrySet());
    w.commit();
  }

  /** The user data the next commit will store: that of the last commit, plus what was set since. */
  @Override
  public Map<String, String> commitData() throws IOException {
    Map<String, String> data = new HashMap<>();
    if (writer != null) {
      Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
      if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
    } else {
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        data.putAll(reader.getIndexCommit().getUserData());
      }
    }
    return data;
  }

  /**
   * Merges the index into at most {@code maxSegments} segments, commits and makes the result
   * searchable. Worth it once an archive is loaded and then mostly read: a search looks each of
   * its words up once per segment, facet counting maps every segment's values onto global ones, and
   * each segment carries its own term dictionaries. Needs free disk space about the index's size
   * while it runs; the journal's commit data is kept.
   */
  public void optimize(int maxSegments) throws IOException {
    if (maxSegments < 1) throw new IllegalArgumentException("segments must be at least 1, got " + maxSegments);
    IndexWriter w = requireWriter();
    w.forceMerge(maxSegments);
    w.commit();
    refreshNow();
    w.deleteUnusedFiles();   // the merged-away segments, held until the old searcher was released
  }

  /** The number of segments in the last commit of the index in {@code dir} (for benchmark reports). */
  public static int committedSegments(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      return org.apache.lucene.index.SegmentInfos.readLatestCommit(d).size();
    }
  }

  /** The number of segments searches see now. */
  public int segments() {
    return withSearcher(s -> s.getIndexReader().leaves().size());
  }

  /** Waits until a change is visible to searches; false when the wait timed out. */
  public boolean awaitSearchable(long generation, long timeoutMillis) throws InterruptedException {
    var current = reopener;
    if (current != null) return current.waitForGeneration(generation, (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    if (writer == null) return true;
    try {
      refreshNow(); // during a bulk import: no reopen thread to wait for
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  /** Makes everything written so far visible now (for the CLI after an import, and tests). */
  public void refreshNow() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Runs a function on a current searcher, releasing it afterwards. */
  public <T> T withSearcher(SearcherFunction<T> fn) {
    try {
      searchers.maybeRefresh();
      IndexSearcher s = searchers.acquire();
      try {
        return fn.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes used by the index's files. */
  public long sizeInBytes() throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      try {
        total += directory.fileLength(file);
      } catch (IOException e) {
        // a file merged away while listing
      }
    }
    return total;
  }

  @Override
  public synchronized void close() throws IOException {
    if (reopener != null) reopener.close();
    try {
      if (grouper != null) grouper.close();
      searchers.close();
    } finally {
      try {
        if (writer != null) {
          writer.commit();
          writer.close();
        }
      } finally {
        directory.close();
        log.debug("closed index {}", dir);
      }
    }
  }

  private IndexWriter requireWriter() {
    if (writer == null) {
      throw new IllegalStateException("index opened read-only; use openWritable to change it");
    }
    return writer;
  }

  /** A function of a searcher that may throw IOException. */
  @FunctionalInterface
  public interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
