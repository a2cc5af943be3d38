package org.backfile.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.backfile.ingest.JournalEntry.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files and folders: extraction runs on several threads, which also write their articles
 * to the sink when it allows that ({@link ArticleSink#concurrent()}: Lucene then analyses on every
 * thread), and one thread keeps the journal and commits. A bounded queue between them keeps
 * memory flat whatever the number of files. A file that fails is recorded with its reason and the
 * import carries on.
 *
 * <p>Every file's outcome goes to the {@link ImportJournal}, committed with the index every
 * {@link Options#commitEvery()} files or {@link #COMMIT_EVERY} of time. So re-running an import is
 * cheap and safe: files with the size and modification time (or else the content hash) the
 * journal recorded are skipped, and after a crash the files whose commit was lost are simply
 * imported again. Resuming is therefore the same as re-running. A file's journal entry is appended
 * only after its articles are in the sink, so a commit that holds the entry holds the articles.
 */
public final class BulkImporter {

  private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);
  private static final int QUEUE_PER_THREAD = 4;
  /** Commit at least this often, so a crash loses little work. */
  static final Duration COMMIT_EVERY = Duration.ofSeconds(10);

  /**
   * Import settings.
   *
   * @param fileTimeout longest time one file's extraction may take
   * @param commitEvery files between commits (a commit also happens every {@link #COMMIT_EVERY})
   * @param retryFailed try files again that failed before and have not changed since
   * @param prune remove the articles of journaled sources under the imported folders that are gone
   */
  public record Options(int threads, long maxFileBytes, int maxChars, Duration fileTimeout, int commitEvery,
      boolean retryFailed, boolean prune) {
    public Options {
      if (threads < 1) throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
      if (fileTimeout.isNegative() || fileTimeout.isZero()) {
        throw new IllegalArgumentException("file timeout must be positive, got " + fileTimeout);
      }
      if (commitEvery < 1) throw new IllegalArgumentException("commit-every must be 1 or more, got " + commitEvery);
    }

    public static final Duration DEFAULT_FILE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Every commit flushes small segments that merges must rewrite; with thousands of small files a
     * second, 1000 meant several commits a second. The time limit ({@link #COMMIT_EVERY}) still
     * bounds what a crash can lose.
     */
    public static final int DEFAULT_COMMIT_EVERY = 10_000;

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), FileExtractor.DEFAULT_MAX_BYTES,
          FileExtractor.DEFAULT_MAX_CHARS, DEFAULT_FILE_TIMEOUT, DEFAULT_COMMIT_EVERY, false, false);
    }
  }

  /** Turns one file into articles; {@link FileExtractor} unless a test supplies another. */
  @FunctionalInterface
  interface Extractor extends AutoCloseable {
    List<Article> extract(Path file) throws ExtractionException, InterruptedException;

    /** Hands a file's articles on as they are read; by default, those of {@link #extract(Path)}. */
    default void extract(Path file, ArticleStream out) throws ExtractionException, InterruptedException {
      for (Article a : extract(file)) out.accept(a);
    }

    /** Releases what the extractor holds (child processes); called when the import ends. */
    @Override
    default void close() {}
  }

  /** Progress as it happens, for a progress bar or log lines. */
  public record Progress(long filesDone, long articles, long failures, long skipped) {}

  private sealed interface Outcome permits Pending, Extracted, Failed, Unchanged, Broken, Done {}

  /** Extracted, not yet written to the sink. */
  private record Pending(JournalEntry entry, List<Article> articles) implements Outcome {}

  /** Extracted and written to the sink. */
  private record Extracted(JournalEntry entry, int articles) implements Outcome {}

  private record Failed(JournalEntry entry) implements Outcome {}

  /** Skipped: imported or failed before, and the same now; {@code touched} is set if only the mtime moved. */
  private record Unchanged(JournalEntry entry, boolean touched) implements Outcome {}

  /** Writing to the sink failed: the import ends (the index, not a file, is in trouble). */
  private record Broken(Exception error) implements Outcome {}

  private record Done() implements Outcome {}

  private final Options options;
  private final ArticleSink sink;
  private final ImportJournal journal;
  private final Extractor extractor;
  private volatile boolean stopping;
  /**
   * Import threads write under the read lock; ending the import takes the write lock before it
   * interrupts them, so no thread is interrupted inside the sink (Lucene treats an interrupted
   * file write as fatal to the IndexWriter).
   */
  private final ReadWriteLock writing = new ReentrantReadWriteLock();
  private boolean halted; // guarded by writing
  /** Batches of the files too large to write at once, written by any import thread. */
  private final ArticleBatches batches;
  private final int batchArticles;

  /** An importer without a kept journal: every file is imported. */
  public BulkImporter(Options options, ArticleSink sink) {
    this(options, sink, ImportJournal.inMemory());
  }

  public BulkImporter(Options options, ArticleSink sink, ImportJournal journal) {
    this(options, sink, journal, defaultExtractor(options));
  }

  BulkImporter(Options options, ArticleSink sink, ImportJournal journal, Extractor extractor) {
    this(options, sink, journal, extractor, FileArticles.BATCH_ARTICLES);
  }

  /** @param batchArticles articles per batch of a file too large to write in one go (tests make it small) */
  BulkImporter(Options options, ArticleSink sink, ImportJournal journal, Extractor extractor, int batchArticles) {
    this.options = options;
    this.sink = sink;
    this.journal = journal;
    this.extractor = extractor;
    this.batchArticles = batchArticles;
    // Two batches per thread keep every writer busy; more would only hold more articles in memory.
    this.batches = new ArticleBatches(2 * options.threads(), this::writeBatch);
  }

  /**
   * An importer that extracts in child JVMs ({@link ProcessExtractor}, {@link ExtractWorker}), so a
   * runaway parser is killed rather than abandoned.
   *
   * @param javaCommand how to start a JVM with this classpath, e.g. {@code [java, -cp, CLASSPATH]}
   */
  public static BulkImporter withWorkerProcesses(Options options, ArticleSink sink, ImportJournal journal,
      List<String> javaCommand) {
    List<String> command = new ArrayList<>(javaCommand);
    command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", ExtractWorker.class.getName(),
        Long.toString(options.maxFileBytes()), Integer.toString(options.maxChars())));
    // The child enforces the time limit (and is killed); the thread limit is only a backstop.
    Options backstop = new Options(options.threads(), options.maxFileBytes(), options.maxChars(),
        options.fileTimeout().plusSeconds(30), options.commitEvery(), options.retryFailed(), options.prune());
    return new BulkImporter(backstop, sink, journal, new ProcessExtractor(command, options.fileTimeout()));
  }

  private static Extractor defaultExtractor(Options options) {
    // One FileExtractor per thread; a thread abandoned after a timeout takes its extractor along.
    ThreadLocal<FileExtractor> perThread =
        ThreadLocal.withInitial(() -> new FileExtractor(options.maxFileBytes(), options.maxChars()));
    return new Extractor() {
      @Override
      public List<Article> extract(Path file) throws ExtractionException {
        return perThread.get().extract(file);
      }

      @Override
      public void extract(Path file, ArticleStream out) throws ExtractionException, InterruptedException {
        perThread.get().extract(file, out);
      }
    };
  }

  /**
   * Asks a running import to stop early, from any thread (a shutdown hook): it writes no further
   * file, commits what it has written with the journal, and returns. Files not yet committed are
   * imported by the next run.
   */
  public void stop() {
    stopping = true;
  }

  /** Whether {@link #stop()} was called. */
  public boolean stopped() {
    return stopping;
  }

  /**
   * Lists the files under the given paths, sorted, skipping hidden files and folders and what a
   * folder's {@code .backfileignore} names.
   */
  public static List<Path> listFiles(List<Path> roots) throws IOException {
    return SourceFiles.list(roots);
  }

  /** Imports files; nothing is pruned (there are no roots to prune under). */
  public ImportSummary run(List<Path> files, Consumer<Progress> progress) throws IOException, InterruptedException {
    return run(files, List.of(), progress, r -> {});
  }

  /**
   * Imports the files listed under {@code roots} (see {@link #listFiles}). With
   * {@link Options#prune()}, journaled sources under the roots that are not among the files are
   * removed from the index.
   */
  public ImportSummary run(List<Path> files, List<Path> roots, Consumer<Progress> progress,
      Consumer<FileResult> results) throws IOException, InterruptedException {
    long started = System.nanoTime();
    journal.compactIfWorthIt(); // the new file counts from the first commit below
    sink.importing(true);
    try {
      return importFiles(files, roots, progress, results, started);
    } finally {
      sink.importing(false);
    }
  }

  private ImportSummary importFiles(List<Path> files, List<Path> roots, Consumer<Progress> progress,
      Consumer<FileResult> results, long started) throws IOException, InterruptedException {
    BlockingQueue<Outcome> queue = new ArrayBlockingQueue<>(options.threads() * QUEUE_PER_THREAD);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "backfile-import");
      t.setDaemon(true);
      return t;
    });
    AtomicLong next = new AtomicLong();
    AtomicInteger reading = new AtomicInteger(options.threads());
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      workers.add(pool.submit(() -> {
        try (ExtractionThread extraction = new ExtractionThread(extractor, options.fileTimeout())) {
          try {
            for (long n = next.getAndIncrement(); n < files.size() && !stopping; n = next.getAndIncrement()) {
              Outcome o = examine(files.get((int) n), extraction);
              if (o != null) o = written(o);
              if (o == null) break; // halted or stopping
              queue.put(o);
            }
          } finally {
            reading.decrementAndGet();
          }
          // No file left: write the batches of the big files other threads are still reading.
          while (reading.get() > 0 && !stopping) batches.helpOnce();
        } finally {
          queue.put(new Done());
        }
        return null;
      }));
    }
    Tally tally = new Tally(results);
    try {
      int running = options.threads();
      long lastCommit = System.nanoTime();
      long sinceCommit = 0;
      while (running > 0 && !stopping) {
        Outcome o = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (o == null) continue;
        if (o instanceof Done) {
          running--;
          continue;
        }
        if (o instanceof Broken b) {
          if (b.error() instanceof IOException io) throw io;
          throw (RuntimeException) b.error();
        }
        write(o, tally);
        progress.accept(tally.progress());
        if (++sinceCommit >= options.commitEvery() || System.nanoTime() - lastCommit >= COMMIT_EVERY.toNanos()) {
          commit(tally.files, files.size());
          sinceCommit = 0;
          lastCommit = System.nanoTime();
        }
      }
      if (stopping) halt(pool);
      if (options.prune() && !stopping) prune(files, roots, tally);
      commit(tally.files, files.size());
      if (stopping) log.info("import stopped after {} of {} files; committed", tally.files, files.size());
    } catch (IOException | RuntimeException e) {
      halt(pool);
      // Keep what was written so far, journal included, so the next run need not redo it.
      try {
        commit(tally.files, files.size());
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    } finally {
      halt(pool);
      extractor.close();
    }
    for (Future<?> w : stopping ? List.<Future<?>>of() : workers) { // stopped workers were interrupted
      try {
        w.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("import worker failed", e.getCause());
      }
    }
    return new ImportSummary(tally.files, tally.imported, tally.articles, tally.skipped, tally.removed,
        tally.failures, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Counts kept by the writer thread. */
  private static final class Tally {
    long files;
    long imported;
    long articles;
    long skipped;
    long removed;
    final List<ImportFailure> failures = new ArrayList<>();
    final Consumer<FileResult> results;

    Tally(Consumer<FileResult> results) {
      this.results = results;
    }

    void failed(ImportFailure f) {
      failures.add(f);
      results.accept(FileResult.of(f));
    }

    Progress progress() {
      return new Progress(files, articles, failures.size(), skipped);
    }
  }

  /**
   * Writes an outcome's articles to the sink (on an import thread); null when the import has been
   * halted and nothing was written.
   */
  private Outcome written(Outcome o) {
    String source;
    List<Article> articles;
    switch (o) {
      case Extracted x -> {
        return x; // written in batches as it was read
      }
      case Pending p -> {
        source = p.entry().source();
        articles = p.articles();
      }
      // The file's current content is not in the index, so neither are its earlier articles.
      case Failed f -> {
        source = f.entry().source();
        articles = List.of();
      }
      default -> {
        return o;
      }
    }
    writing.readLock().lock();
    try {
      if (halted) return null;
      replace(source, articles);
    } catch (IOException | RuntimeException e) {
      return new Broken(e);
    } finally {
      writing.readLock().unlock();
    }
    return o instanceof Pending p ? new Extracted(p.entry(), articles.size()) : o;
  }

  /** Writes one batch of a large file (on any import thread); false when halted. */
  private boolean writeBatch(String source, List<Article> articles, boolean head) throws IOException {
    writing.readLock().lock();
    try {
      if (halted) return false;
      if (head) {
        replace(source, articles);
      } else if (sink.concurrent()) {
        sink.append(source, articles);
      } else {
        synchronized (sink) {
          sink.append(source, articles);
        }
      }
      return true;
    } finally {
      writing.readLock().unlock();
    }
  }

  private void replace(String source, List<Article> articles) throws IOException {
    if (sink.concurrent()) {
      sink.replace(source, articles);
    } else {
      synchronized (sink) {
        sink.replace(source, articles);
      }
    }
  }

  /** Stops the import threads, waiting for any that is writing to finish its file first. */
  private void halt(ExecutorService pool) {
    writing.writeLock().lock();
    try {
      halted = true;
      pool.shutdownNow();
    } finally {
      writing.writeLock().unlock();
    }
  }

  /** Journals an outcome whose articles are in the sink (on the committing thread). */
  private void write(Outcome o, Tally tally) throws IOException {
    tally.files++;
    switch (o) {
      case Extracted e -> {
        journal.append(e.entry());
        tally.imported++;
        tally.articles += e.articles();
        tally.results.accept(new FileResult(e.entry().source(), FileResult.Status.IMPORTED, e.articles(),
            null, null));
      }
      case Failed f -> {
        journal.append(f.entry());
        ImportFailure failure = failure(f.entry(), false);
        tally.failed(failure);
        log.warn("skipped {}: {} ({})", failure.source(), failure.message(), failure.reason().label());
      }
      case Unchanged u -> {
        if (u.touched()) journal.append(u.entry());
        if (u.entry().status() == Status.FAILED) {
          tally.failed(failure(u.entry(), true));
        } else {
          tally.skipped++;
          tally.results.accept(new FileResult(u.entry().source(), FileResult.Status.UNCHANGED, u.entry().ids().size(),
              null, null));
        }
      }
      case Pending p -> throw new IllegalStateException("not written to the sink: " + p.entry().source());
      case Broken b -> throw new IllegalStateException("Broken is not journaled");
      case Done d -> throw new IllegalStateException("Done is not written");
    }
  }

  private static ImportFailure failure(JournalEntry e, boolean earlier) {
    ExtractionException.Reason reason;
    try {
      reason = ExtractionException.Reason.valueOf(e.reason());
    } catch (IllegalArgumentException | NullPointerException x) {
      reason = ExtractionException.Reason.CORRUPT;
    }
    return new ImportFailure(e.source(), reason, e.message(), earlier);
  }

  private void commit(long done, long total) throws IOException {
    sink.commit(journal.sync());
    log.debug("committed {} of {} files", done, total);
  }

  /** Removes the articles of journaled sources under the roots whose files are no longer listed. */
  private void prune(List<Path> files, List<Path> roots, Tally tally) throws IOException {
    Set<String> present = new HashSet<>();
    for (Path f : files) present.add(FileExtractor.sourceOf(f));
    List<String> under = new ArrayList<>();
    for (Path r : roots) under.add(FileExtractor.sourceOf(r));
    for (JournalEntry e : journal.entries()) {
      if (present.contains(e.source()) || !isUnder(e.source(), under)) continue;
      replace(e.source(), List.of());
      journal.append(new JournalEntry(e.source(), 0, 0, null, Status.REMOVED, List.of(), null, null, now()));
      log.info("pruned {} ({} articles)", e.source(), e.ids().size());
      tally.removed++;
      tally.results.accept(new FileResult(e.source(), FileResult.Status.REMOVED, 0, null, null));
    }
  }

  private static boolean isUnder(String source, List<String> roots) {
    for (String r : roots) {
      if (source.equals(r) || source.startsWith(r.endsWith(File.separator) ? r : r + File.separator)) return true;
    }
    return false;
  }

  /**
   * Decides what to do with one file (on an import thread): skip it when the journal has it with
   * the same size and modification time, or the same content; otherwise extract it.
   */
  private Outcome examine(Path file, ExtractionThread extraction) throws InterruptedException {
    String source = FileExtractor.sourceOf(file);
    long size;
    long modified;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      size = attrs.size();
      modified = attrs.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return failed(source, 0, 0, null, ExtractionException.Reason.UNREADABLE, "cannot read the file: " + e);
    }
    JournalEntry before = journal.get(source);
    if (before != null && before.size() == size && before.modifiedMillis() == modified && skips(before)) {
      return new Unchanged(before, false);
    }
    String hash = null;
    if (size <= options.maxFileBytes()) { // too large a file fails at once, unread
      try {
        hash = ContentHash.sha256(file);
      } catch (IOException e) {
        return failed(source, size, modified, null, ExtractionException.Reason.UNREADABLE, "cannot read the file: " + e);
      }
    }
    if (before != null && hash != null && hash.equals(before.sha256()) && skips(before)) {
      return new Unchanged(before.touched(modified, now()), true);
    }
    FileArticles articles = new FileArticles(source, batches, batchArticles);
    try {
      extraction.extract(file, articles, batches, () -> stopping);
    } catch (ExtractionException e) {
      log.debug("extraction of {} failed", file, e);
      // Batches already written are removed with the rest when the failure is written.
      if (articles.streamed()) batches.abandon(articles);
      return failed(source, size, modified, hash, e.reason(), e.getMessage());
    } catch (InterruptedException e) {
      if (articles.streamed()) articles.abandon();
      throw e;
    }
    JournalEntry entry = new JournalEntry(source, size, modified, hash, Status.IMPORTED, articles.ids(), null, null,
        now());
    if (!articles.streamed()) return new Pending(entry, articles.takeRest());
    if (stopping) {
      // Its batches so far stay and are committed; the next run imports the file again (replacing them).
      batches.abandon(articles);
      return null;
    }
    batches.finish(articles);
    if (articles.wasHalted()) return null;
    if (articles.error() != null) return new Broken(articles.error());
    return new Extracted(entry, articles.ids().size());
  }

  /** Whether an unchanged file with this journal entry is skipped. */
  private boolean skips(JournalEntry before) {
    return before.status() == Status.IMPORTED || !options.retryFailed();
  }

  private static Failed failed(String source, long size, long modified, String hash,
      ExtractionException.Reason reason, String message) {
    return new Failed(new JournalEntry(source, size, modified, hash, Status.FAILED, List.of(), reason.name(),
        message, now()));
  }

  private static String now() {
    return Instant.now().toString();
  }
}
