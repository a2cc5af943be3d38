package org.backfile.search;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.IndexReader;

/**
 * A table worked out once per index reader (it changes only when the index does) and shared by
 * every request on that reader. Building one at a million articles takes a few tenths of a second
 * warm, up to a second in a JVM that has just started, which is when the first searches arrive; so
 * a request never waits for it: {@link #ifReady} answers null until the table of the current reader
 * is there, and the caller answers another, slower way meanwhile while the table is built on a
 * background thread.
 */
final class ReaderTable<T> {

  /** Works out the table of one reader. */
  interface Builder<T> {
    T build(IndexReader reader) throws IOException;
  }

  private record Built<T>(IndexReader reader, T table) {}

  /** One thread for every table (also {@link SegmentTables}'): they are built rarely and one at a time is enough. */
  static final ExecutorService BUILDER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "backfile-reader-tables");
    t.setDaemon(true);
    return t;
  });

  private final Builder<T> builder;
  private volatile Built<T> cached;
  /** The reader whose table is being built, if any. */
  private IndexReader building;

  ReaderTable(Builder<T> builder) {
    this.builder = builder;
  }

  /** The reader's table, or null while it is not built yet (a build is then started in the background). */
  T ifReady(IndexReader reader) {
    Built<T> c = cached;
    if (c != null && c.reader() == reader) return c.table();
    buildInBackground(reader);
    return null;
  }

  /** The reader's table, built on the calling thread when it is not there yet. */
  T now(IndexReader reader) throws IOException {
    Built<T> c = cached;
    if (c == null || c.reader() != reader) {
      c = new Built<>(reader, builder.build(reader));
      install(c);
    }
    return c.table();
  }

  /** Builds the reader's table on the calling thread (e.g. right after the index opens) unless it is built or being built. */
  void warm(IndexReader reader) throws IOException {
    if (!claim(reader)) return;
    try {
      install(new Built<>(reader, builder.build(reader)));
    } finally {
      release(reader);
    }
  }

  private void buildInBackground(IndexReader reader) {
    if (!reader.tryIncRef()) return;   // closed meanwhile: a newer reader will get its own table
    if (!claim(reader)) {
      decRef(reader);
      return;
    }
    BUILDER.execute(() -> {
      try {
        if (superseded(reader)) return;   // a newer reader was claimed while this one waited
        install(new Built<>(reader, builder.build(reader)));
      } catch (IOException | RuntimeException e) {
        // nothing lost: requests keep answering the slower way, and the next one tries again
      } finally {
        release(reader);
        decRef(reader);
      }
    });
  }

  /** One build per reader: the warming thread and the first requests would otherwise all build it. */
  private synchronized boolean claim(IndexReader reader) {
    Built<T> c = cached;
    if ((c != null && c.reader() == reader) || building == reader) return false;
    building = reader;
    return true;
  }

  private synchronized boolean superseded(IndexReader reader) {
    return building != reader;
  }

  private synchronized void install(Built<T> table) {
    cached = table;
  }

  private synchronized void release(IndexReader reader) {
    if (building == reader) building = null;
  }

  /** Gives a reader (or segment) back that a background build held open. */
  static void decRef(IndexReader reader) {
    try {
      reader.decRef();
    } catch (IOException e) {
      // the reader's last user closes it; a failure to close here changes no answer
    }
  }
}
