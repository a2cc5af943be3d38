package org.backfile.ingest;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Batches of articles from files too large to write in one go, shared by the import threads: the
 * thread that reads such a file writes batches while its extraction thread reads on, and threads
 * with no file of their own left write them too, so one big file keeps every core busy. The queue
 * is bounded, so a reader that gets ahead waits and memory stays flat whatever the file's size.
 */
final class ArticleBatches {

  /** How long a helping thread waits for a batch before it looks at its own work again. */
  static final long POLL_MILLIS = 5;

  /** Some articles of a file; the {@code head} batch replaces the file's old articles. */
  record Batch(FileArticles file, List<Article> articles, boolean head) {}

  /** Where batches go; false when the import has been halted and nothing was written. */
  @FunctionalInterface
  interface Writer {
    boolean write(String source, List<Article> articles, boolean replace) throws IOException;
  }

  private final BlockingQueue<Batch> queue;
  private final Writer writer;

  ArticleBatches(int capacity, Writer writer) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = writer;
  }

  void put(Batch batch) throws InterruptedException {
    queue.put(batch);
  }

  /** Writes one queued batch, waiting up to {@link #POLL_MILLIS} for one; false when none came. */
  boolean helpOnce() throws InterruptedException {
    Batch b = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    if (b == null) return false;
    write(b);
    return true;
  }

  /**
   * Writes a batch and marks it done. The first batch of a file goes first: a later one waits for
   * it, since the first one's delete of the file's old articles would also remove anything written
   * before it. The queue is first-in first-out, so the first batch is already being written.
   */
  private void write(Batch b) throws InterruptedException {
    FileArticles f = b.file();
    try {
      if (!b.head()) f.awaitHead();
      if (f.skips()) return;
      if (!writer.write(f.source(), b.articles(), b.head())) f.halted();
    } catch (IOException | RuntimeException e) {
      f.failed(e);
    } finally {
      f.batchDone(b.head());
    }
  }

  /**
   * Ends a file whose extraction read it to the end: writes its last batch on this thread once the
   * first is in, and waits (writing any queued batch meanwhile) until all of its batches are.
   */
  void finish(FileArticles f) throws InterruptedException {
    f.read();
    List<Article> last = f.takeRest();
    if (!last.isEmpty()) {
      while (!f.headDone()) helpOnce();
      f.startLast();
      write(new Batch(f, last, false));
    }
    awaitWritten(f);
  }

  /** Gives a file up: its queued batches are dropped; returns once none is being written. */
  void abandon(FileArticles f) throws InterruptedException {
    f.abandon();
    awaitWritten(f);
  }

  private void awaitWritten(FileArticles f) throws InterruptedException {
    while (f.inFlight() > 0) helpOnce();
  }
}
