package org.backfile.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.ArticleSink;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.FileResult;
import org.backfile.ingest.ImportFailure;
import org.backfile.ingest.ImportJournal;
import org.backfile.ingest.ImportSummary;

/** Runs an import into an open index and prints the summary; shared by import and demo. */
final class Importing {

  private Importing() {}

  static ImportSummary run(ArchiveIndex index, List<Path> paths, BulkImporter.Options options,
      PrintWriter out, PrintWriter err, boolean quiet) throws IOException, InterruptedException {
    return run(index, paths, options, out, err, quiet, null, false, null, importer -> {});
  }

  /**
   * Imports and prints the summary. Unless {@code report} is null, writes one JSON line per failed
   * file to it as the import goes (every file with {@code reportAll}). Unless {@code workerJava}
   * is null, extraction runs in child JVMs started with it. {@code started} gets the importer before
   * it runs, so that a shutdown hook can {@link BulkImporter#stop() stop} it.
   */
  static ImportSummary run(ArchiveIndex index, List<Path> paths, BulkImporter.Options options,
      PrintWriter out, PrintWriter err, boolean quiet, Path report, boolean reportAll, List<String> workerJava,
      Consumer<BulkImporter> started) throws IOException, InterruptedException {
    return run(index, index.dir(), summary -> {
      index.refreshNow();
      printSummary(summary, index, out);
    }, paths, options, out, err, quiet, report, reportAll, workerJava, started);
  }

  /** What is printed once an import into some sink has finished. */
  interface Finish {
    void run(ImportSummary summary) throws IOException;
  }

  /**
   * Imports into any sink (the embedded index, a Solr collection), keeping the journal in
   * {@code journalDir}; {@code finish} makes the result visible and prints where it went.
   */
  static ImportSummary run(ArticleSink sink, Path journalDir, Finish finish, List<Path> paths,
      BulkImporter.Options options, PrintWriter out, PrintWriter err, boolean quiet, Path report,
      boolean reportAll, List<String> workerJava, Consumer<BulkImporter> started)
      throws IOException, InterruptedException {
    List<Path> files = BulkImporter.listFiles(paths);
    ImportJournal journal = ImportJournal.open(journalDir, sink.commitData());
    ProgressReporter progress = new ProgressReporter(err, files.size(), System.console() != null, quiet);
    ImportSummary summary;
    try (Writer w = report == null ? Writer.nullWriter() : openReport(report)) {
      Consumer<FileResult> results = r -> {
        if (reportAll || r.reason() != null) writeLine(w, r);
      };
      BulkImporter importer = workerJava == null ? new BulkImporter(options, sink, journal)
          : BulkImporter.withWorkerProcesses(options, sink, journal, workerJava);
      started.accept(importer);
      summary = importer.run(files, paths, progress, results);
    }
    progress.finish();
    finish.run(summary);
    return summary;
  }

  private static Writer openReport(Path report) throws IOException {
    Path parent = report.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return Files.newBufferedWriter(report, StandardCharsets.UTF_8);
  }

  private static void writeLine(Writer w, FileResult r) {
    JsonObject line = new JsonObject();
    line.addProperty("source", r.source());
    line.addProperty("status", r.status().label());
    if (r.reason() != null) {
      line.addProperty("reason", r.reason().label());
      line.addProperty("message", r.message());
    } else {
      line.addProperty("articles", r.articles());
    }
    try {
      w.write(line.toString());
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void printSummary(ImportSummary s, ArchiveIndex index, PrintWriter out) throws IOException {
    printSummary(s, index.dir().toString(), index.sizeInBytes(), out);
  }

  /** The summary of an import into {@code target}, which now takes {@code bytes}. */
  static void printSummary(ImportSummary s, String target, long bytes, PrintWriter out) {
    double seconds = s.elapsed().toMillis() / 1000.0;
    out.printf(Locale.ROOT, "Imported %d articles from %d files in %.1f s (%.1f files/s) into %s (%.1f MB).%n",
        s.articles(), s.imported(), seconds, s.files() / Math.max(seconds, 1e-3),
        target, bytes / 1048576.0);
    if (s.skipped() > 0) out.printf(Locale.ROOT, "%d files unchanged since the last import (skipped).%n", s.skipped());
    if (s.removed() > 0) out.printf(Locale.ROOT, "%d files gone; their articles were removed.%n", s.removed());
    if (s.failed()) {
      Map<String, List<ImportFailure>> byReason = new TreeMap<>();
      long earlier = 0;
      for (ImportFailure f : s.failures()) {
        byReason.computeIfAbsent(f.reason().label(), k -> new ArrayList<>()).add(f);
        if (f.earlier()) earlier++;
      }
      Map<String, Integer> counts = new TreeMap<>();
      byReason.forEach((reason, list) -> counts.put(reason, list.size()));
      out.printf(Locale.ROOT, "%d files failed: %s%s%n", s.failures().size(), counts,
          earlier == 0 ? "" : " (" + earlier + " in an earlier run and unchanged; --retry-failed tries them again)");
      for (List<ImportFailure> group : byReason.values()) {
        for (ImportFailure f : group) {
          out.printf(Locale.ROOT, "  %s: %s (%s%s)%n", f.source(), f.message(), f.reason().label(),
              f.earlier() ? ", earlier" : "");
        }
      }
    }
    out.flush();
  }
}
