package org.backfile.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where imported articles go (the index implements it). Called from one thread at a time unless
 * {@link #concurrent()} says otherwise.
 */
public interface ArticleSink {

  /**
   * Whether {@link #replace} may be called by several threads at once (for different sources) and
   * while {@link #commit} runs; an import then writes from its extraction threads.
   */
  default boolean concurrent() {
    return false;
  }

  /**
   * A bulk import starts (true) or ends (false); the sink may defer work that only matters to
   * searches running meanwhile.
   */
  default void importing(boolean running) throws IOException {}

  /** Replaces every article from a source with these (none: they are removed). */
  void replace(String source, List<Article> articles) throws IOException;

  /**
   * Adds further articles of a source whose first ones {@link #replace} wrote: a file too large to
   * hand over at once goes in batches, from several threads at once when {@link #concurrent()}.
   */
  void append(String source, List<Article> articles) throws IOException;

  /** Makes what was written durable. */
  void commit() throws IOException;

  /**
   * Makes what was written durable, together with these key/value pairs, in one atomic commit;
   * the import journal stores its committed length this way.
   */
  void commit(Map<String, String> commitData) throws IOException;

  /** The key/value pairs of the last durable commit (empty when there are none). */
  Map<String, String> commitData() throws IOException;
}
