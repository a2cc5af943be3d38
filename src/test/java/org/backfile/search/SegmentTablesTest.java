package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-segment tables: built once per segment, shared by reopened readers, let go with their segment. */
class SegmentTablesTest {

  @TempDir
  Path dir;

  private ArchiveIndex index;
  private final AtomicInteger builds = new AtomicInteger();
  private final SegmentTables<Integer> tables = new SegmentTables<>(segment -> {
    builds.incrementAndGet();
    return segment.maxDoc();
  });

  @BeforeEach
  void open() throws Exception {
    index = ArchiveIndex.openWritable(dir);
    for (int i = 0; i < 3; i++) {
      put(i);
      index.refreshNow();
    }
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private void put(int i) throws Exception {
    index.put(new Article("/src/s" + i, "s" + i, "Story " + i, List.of("Ann Lee"), null, null, "News",
        List.of(), null, "en", "", "A story about the harbour, number " + i, "text/plain", List.of(), null));
  }

  private List<Integer> ready() {
    return index.withSearcher(searcher -> tables.ifReady(searcher.getIndexReader()));
  }

  @Test
  void aReopenedReaderBuildsOnlyItsNewSegment() throws Exception {
    index.withSearcher(searcher -> {
      tables.warm(searcher.getIndexReader());
      return null;
    });
    assertEquals(3, builds.get());
    assertEquals(List.of(1, 1, 1), ready());

    put(3);
    index.refreshNow();
    assertNull(ready(), "the new segment has no table yet: the caller answers the slower way");
    awaitTrue(() -> ready() != null);
    assertEquals(4, builds.get(), "the three kept segments were not built again");
  }

  @Test
  void mergedAwaySegmentsLetTheirTablesGo() throws Exception {
    awaitTrue(() -> ready() != null);
    assertEquals(3, tables.size());
    index.optimize(1);
    awaitTrue(() -> ready() != null);
    List<Integer> merged = ready();
    assertNotNull(merged);
    assertEquals(List.of(3), merged);
    awaitTrue(() -> tables.size() == 1);
  }

  /** Waits for something the background thread does; fails after a generous bound. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting");
      Thread.sleep(10);
    }
  }
}
