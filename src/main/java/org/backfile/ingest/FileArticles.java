package org.backfile.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The articles of one file as its extraction hands them on. A file that fits in one batch is kept
 * whole and written at once, as before ({@link ArticleSink#replace}: one atomic block). A larger one
 * goes out in bounded batches through {@link ArticleBatches}, so that any import thread can write
 * them and no more than a few batches are ever in memory: its first batch replaces the file's old
 * articles, the others are added after it.
 *
 * <p>{@link #accept} runs on the extraction thread; the rest on the import thread that owns the file
 * and on the threads that write its batches.
 */
final class FileArticles implements ArticleStream {

  /** Articles per batch, at most; a batch also ends at {@link #BATCH_CHARS}. */
  static final int BATCH_ARTICLES = 250;
  /** Characters of title and body per batch, at most, so batches of long articles stay small. */
  static final long BATCH_CHARS = 2L << 20;

  private final String source;
  private final ArticleBatches batches;
  private final int batchArticles;
  private final List<String> ids = new ArrayList<>();
  private List<Article> batch = new ArrayList<>();
  private long chars;
  private final CountDownLatch headWritten = new CountDownLatch(1);
  /** Reading, read to the end (queued batches are still written), or given up (they are dropped). */
  private enum State { READING, READ, ABANDONED }

  // guarded by this
  private State state = State.READING;
  private boolean streamed;
  private int inFlight;
  private Exception error;
  private boolean halted;

  FileArticles(String source, ArticleBatches batches, int batchArticles) {
    this.source = source;
    this.batches = batches;
    this.batchArticles = batchArticles;
  }

  String source() {
    return source;
  }

  @Override
  public void accept(Article article) throws InterruptedException {
    ids.add(article.id());
    batch.add(article);
    chars += article.body().length() + (article.title() == null ? 0 : article.title().length());
    if (batch.size() >= batchArticles || chars >= BATCH_CHARS) send(takeRest());
  }

  /** Hands a full batch to the writers; blocks while they are behind. */
  private void send(List<Article> articles) throws InterruptedException {
    boolean head;
    synchronized (this) {
      // An extraction abandoned after a timeout may wake up later: what it reads is not wanted.
      if (state != State.READING) throw new InterruptedException("the import of " + source + " has ended");
      head = !streamed;
      streamed = true;
      inFlight++;
    }
    try {
      batches.put(new ArticleBatches.Batch(this, articles, head));
    } catch (InterruptedException e) {
      batchDone(head);
      throw e;
    }
  }

  /** The ids of the articles read so far, in file order. */
  List<String> ids() {
    return ids;
  }

  /** Whether some of the file's articles went out in batches (else {@link #takeRest()} is all of them). */
  synchronized boolean streamed() {
    return streamed;
  }

  /** The articles read but not yet handed on. */
  List<Article> takeRest() {
    List<Article> rest = batch;
    batch = new ArrayList<>();
    chars = 0;
    return rest;
  }

  /** Takes the last batch to write on the owner's thread (after the first one is written). */
  synchronized void startLast() {
    inFlight++;
  }

  /** The extraction ended well: no more batches come, and those queued are written. */
  synchronized void read() {
    if (state == State.READING) state = State.READ;
  }

  /** No more batches: those still queued are dropped (the file failed or the import stops). */
  synchronized void abandon() {
    state = State.ABANDONED;
  }

  /** Whether a batch should no longer be written. */
  synchronized boolean skips() {
    return state == State.ABANDONED || error != null || halted;
  }

  void awaitHead() throws InterruptedException {
    headWritten.await();
  }

  boolean headDone() {
    return headWritten.getCount() == 0;
  }

  synchronized void failed(Exception e) {
    if (error == null) error = e;
  }

  synchronized void halted() {
    halted = true;
  }

  synchronized Exception error() {
    return error;
  }

  synchronized boolean wasHalted() {
    return halted;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized void batchDone(boolean head) {
    if (head) headWritten.countDown();
    inFlight--;
  }
}
