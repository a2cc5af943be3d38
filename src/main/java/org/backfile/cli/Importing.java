package org.backfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.ImportFailure;
import org.backfile.ingest.ImportSummary;

/** Runs an import into an open index and prints the summary; shared by import and demo. */
final class Importing {

  private Importing() {}

  static ImportSummary run(ArchiveIndex index, List<Path> paths, BulkImporter.Options options,
      PrintWriter out, PrintWriter err, boolean quiet) throws IOException, InterruptedException {
    List<Path> files = BulkImporter.listFiles(paths);
    ProgressReporter progress = new ProgressReporter(err, files.size(), System.console() != null, quiet);
    ImportSummary summary = new BulkImporter(options, index).run(files, progress);
    progress.finish();
    index.refreshNow();
    printSummary(summary, index, out);
    return summary;
  }

  static void printSummary(ImportSummary s, ArchiveIndex index, PrintWriter out) throws IOException {
    double seconds = s.elapsed().toMillis() / 1000.0;
    out.printf(Locale.ROOT, "Imported %d articles from %d files in %.1f s (%.1f files/s) into %s (%.1f MB).%n",
        s.articles(), s.files() - s.failures().size(), seconds, s.files() / Math.max(seconds, 1e-3),
        index.dir(), index.sizeInBytes() / 1048576.0);
    if (s.failed()) {
      Map<String, Integer> byReason = new TreeMap<>();
      for (ImportFailure f : s.failures()) byReason.merge(f.reason().label(), 1, Integer::sum);
      out.printf(Locale.ROOT, "%d files failed: %s%n", s.failures().size(), byReason);
      for (ImportFailure f : s.failures()) {
        out.printf(Locale.ROOT, "  %s: %s (%s)%n", f.source(), f.message(), f.reason().label());
      }
    }
    out.flush();
  }
}
