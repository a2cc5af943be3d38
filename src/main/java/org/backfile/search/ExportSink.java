package org.backfile.search;

import java.io.IOException;
import org.backfile.ingest.Article;

/** Receives an export as it streams: the header first, then every matching article in order. */
public interface ExportSink {

  void header(ExportHeader header) throws IOException;

  void row(Article article) throws IOException;
}
