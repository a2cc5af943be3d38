package org.backfile.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import worker's extractions on a thread of their own, with a time limit per file. A file
 * that takes too long fails as {@code TIMED_OUT}; its thread is interrupted and abandoned (a
 * parser stuck in a loop may ignore the interrupt) and the next file gets a fresh thread. A parser
 * that throws, overflows its stack or runs out of memory fails that file only.
 *
 * <p>Why threads and not child JVMs: a pool of worker processes would also reclaim the CPU and
 * memory of a runaway parser, but needs a wire protocol, classpath handling and restarts; threads
 * give the same isolation for everything except a parser that never stops, and that case is rare
 * (each abandoned thread is logged and counted). Processes remain the next step if it shows up.
 */
final class ExtractionThread implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExtractionThread.class);
  private static final AtomicInteger ABANDONED = new AtomicInteger();

  private final BulkImporter.Extractor extractor;
  private final Duration timeout;
  private ExecutorService thread = newThread();

  ExtractionThread(BulkImporter.Extractor extractor, Duration timeout) {
    this.extractor = extractor;
    this.timeout = timeout;
  }

  /** Threads abandoned so far in this JVM because their file timed out. */
  static int abandoned() {
    return ABANDONED.get();
  }

  /**
   * Extracts a file on this worker's extraction thread, its articles going to {@code out}. The time
   * limit counts the extraction's own time: from its start, or from its last article, while it is
   * not waiting for writers to take a batch. So a collection of a million articles may take hours,
   * but no single article may take longer than the limit. While a file goes out in batches, the
   * calling thread writes batches ({@code helping}) as it waits. When {@code stop} turns true, the
   * reading of such a file ends early.
   */
  void extract(Path file, FileArticles out, ArticleBatches helping, java.util.function.BooleanSupplier stop)
      throws ExtractionException, InterruptedException {
    String source = FileExtractor.sourceOf(file);
    Watch watch = new Watch();
    ArticleStream timed = article -> {
      watch.waiting = true;
      try {
        out.accept(article);
      } finally {
        watch.resumed = System.nanoTime();
        watch.waiting = false;
      }
    };
    Future<?> result = thread.submit(() -> {
      extractor.extract(file, timed);
      return null;
    });
    try {
      while (true) {
        if (out.streamed()) {
          if (stop.getAsBoolean()) { // a big file is not read to its end when the import stops
            result.cancel(true);
            return;
          }
          helping.helpOnce();
          if (result.isDone()) {
            result.get();
            return;
          }
        } else {
          try {
            result.get(ArticleBatches.POLL_MILLIS * 10, TimeUnit.MILLISECONDS);
            return;
          } catch (TimeoutException e) {
            // look at the time limit, and whether the file now goes out in batches
          }
        }
        if (!watch.waiting && System.nanoTime() - watch.resumed > timeout.toNanos()) throw timedOut(source, result);
      }
    } catch (InterruptedException e) {
      result.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException x) throw x;
      if (cause instanceof Error && !(cause instanceof OutOfMemoryError || cause instanceof StackOverflowError)) {
        throw (Error) cause; // LinkageError and the like: a broken build, not a bad file
      }
      // A parser bug must not end the import: record it as a corrupt file and go on.
      log.debug("parser failed on {}", file, cause);
      String what = cause instanceof OutOfMemoryError ? "the parser ran out of memory"
          : "the parser failed: " + cause;
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT, what, cause);
    }
  }

  private ExtractionException timedOut(String source, Future<?> result) {
    result.cancel(true);
    thread.shutdownNow();
    thread = newThread();
    String limit = String.format(java.util.Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0);
    log.warn("{} took longer than {}; its extraction thread is abandoned ({} so far)", source, limit,
        ABANDONED.incrementAndGet());
    return new ExtractionException(source, ExtractionException.Reason.TIMED_OUT,
        "extraction took longer than " + limit);
  }

  /** When the extraction last resumed its own work, and whether it is waiting for the writers. */
  private static final class Watch {
    volatile long resumed = System.nanoTime();
    volatile boolean waiting;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private static ExecutorService newThread() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "backfile-extract");
      t.setDaemon(true);
      return t;
    });
  }
}
