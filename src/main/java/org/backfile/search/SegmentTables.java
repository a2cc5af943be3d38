package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * A table worked out once per index segment and kept until the segment is closed. Segments never
 * change, so a reader that a write reopened shares the tables of every segment it kept and only its
 * new segments need one (a per-reader table would be rebuilt whole after every write: about a
 * second at a million articles, once a second while articles arrive). Requests never wait: {@link
 * #ifReady} answers null until every segment of the reader has its table, and the missing ones are
 * built on the background thread {@link ReaderTable} uses.
 */
final class SegmentTables<T> {

  /** Works out one segment's table. */
  interface Builder<T> {
    T build(LeafReader segment) throws IOException;
  }

  private final Builder<T> builder;
  private final Map<IndexReader.CacheKey, T> tables = new ConcurrentHashMap<>();
  private final Set<IndexReader.CacheKey> building = ConcurrentHashMap.newKeySet();

  SegmentTables(Builder<T> builder) {
    this.builder = builder;
  }

  /** The table of each of the reader's segments, by leaf ord; null while any is missing (those are then built). */
  List<T> ifReady(IndexReader reader) {
    List<LeafReaderContext> leaves = reader.leaves();
    List<T> out = new ArrayList<>(leaves.size());
    boolean complete = true;
    for (LeafReaderContext leaf : leaves) {
      IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
      T table = core == null ? null : tables.get(core.getKey());
      if (table == null) {
        complete = false;
        if (core != null) buildInBackground(leaf.reader(), core);
      }
      out.add(table);
    }
    return complete ? out : null;
  }

  /** Builds the missing tables of the reader's segments on the calling thread (e.g. right after the index opens). */
  void warm(IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
      if (core == null || tables.containsKey(core.getKey()) || !building.add(core.getKey())) continue;
      try {
        install(core, builder.build(leaf.reader()));
      } finally {
        building.remove(core.getKey());
      }
    }
  }

  /** How many segments have a table (for tests: closed segments must let theirs go). */
  int size() {
    return tables.size();
  }

  private void buildInBackground(LeafReader segment, IndexReader.CacheHelper core) {
    if (tables.containsKey(core.getKey()) || !segment.tryIncRef()) return;
    if (!building.add(core.getKey())) {
      ReaderTable.decRef(segment);
      return;
    }
    ReaderTable.BUILDER.execute(() -> {
      try {
        install(core, builder.build(segment));
      } catch (IOException | RuntimeException e) {
        // nothing lost: requests keep answering the slower way, and the next one tries again
      } finally {
        building.remove(core.getKey());
        ReaderTable.decRef(segment);
      }
    });
  }

  /** Called while the segment is open (the caller holds it), so its closing always removes the table. */
  private void install(IndexReader.CacheHelper core, T table) {
    if (tables.putIfAbsent(core.getKey(), table) == null) core.addClosedListener(tables::remove);
  }
}
