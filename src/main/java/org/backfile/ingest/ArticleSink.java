package org.backfile.ingest;

import java.io.IOException;
import java.util.List;

/** Where imported articles go (the index implements it); called from one thread at a time. */
public interface ArticleSink {

  /** Replaces every article from a source with these (none: they are removed). */
  void replace(String source, List<Article> articles) throws IOException;

  /** Makes what was written durable. */
  void commit() throws IOException;
}
