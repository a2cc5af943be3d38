package org.backfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.ImportSummary;
import org.backfile.solr.SolrArchiveSearch;
import org.backfile.solr.SolrArticleSink;
import org.backfile.solr.SolrCollection;

/** An import into a SolrCloud collection: the same pipeline and journal as into the embedded index. */
final class SolrImporting {

  private SolrImporting() {}

  static ImportSummary run(BackendOptions backend, Path journalDir, List<Path> paths,
      BulkImporter.Options options, PrintWriter out, PrintWriter err, boolean quiet, Path report,
      boolean reportAll, List<String> workerJava, Consumer<BulkImporter> started)
      throws IOException, InterruptedException {
    SolrCollection solr = backend.solrCollection();
    java.nio.file.Files.createDirectories(journalDir);
    SolrArticleSink sink = new SolrArticleSink(solr, journalDir);
    return Importing.run(sink, journalDir, summary -> {
      long bytes = new SolrArchiveSearch(solr).stats().indexBytes();
      Importing.printSummary(summary, "Solr collection " + solr.name(), bytes, out);
      if (sink.articlesSent() > 0) {
        out.printf(java.util.Locale.ROOT, "Solr took the %d articles in %.1f s of update requests (%.0f articles/s).%n",
            sink.articlesSent(), sink.updateSeconds(), sink.articlesSent() / Math.max(sink.updateSeconds(), 1e-3));
      }
    }, paths, options, out, err, quiet, report, reportAll, workerJava, started);
  }
}
