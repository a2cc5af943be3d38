package org.backfile.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.FileExtractor;
import org.backfile.ingest.ImportSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import files and folders (recursively) into the index.",
        "The index keeps a journal of imported files (INDEX/backfile-journal), committed with the articles: "
            + "re-running skips files whose size and modification time (or content) are unchanged, "
            + "a changed file replaces its articles, and after a crash or kill the same command resumes "
            + "where the last commit left off, with nothing lost or duplicated.",
        "Exit code 1 when any file failed (now, or earlier and not retried)."})
final class ImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to import.")
  List<Path> paths;

  @Mixin
  CommonOptions common;

  @Mixin
  BackendOptions backend;

  @Option(names = "--journal", paramLabel = "DIR",
      description = "With --backend solr: the folder that keeps the import journal (default: solr-journal/COLLECTION); "
          + "its committed length is kept in the collection, so resume and skipping work as with the embedded index.")
  Path journal;

  @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: number of cores).")
  Integer threads;

  @Option(names = "--max-file-mb", paramLabel = "MB", defaultValue = "256",
      description = "Skip files larger than this, decompressed (default: ${DEFAULT-VALUE}); a file of many articles "
          + "(JSONL, CSV, mbox, SMART, Reuters SGML) is streamed, and the limit applies to each of its lines.")
  long maxFileMb;

  @Option(names = "--file-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up on a file whose extraction takes longer (reason timed-out; default: ${DEFAULT-VALUE}); "
          + "in a file of many articles, on one article that takes longer.")
  double fileTimeoutSeconds;

  /** Where extraction runs. */
  enum Isolation { threads, processes }

  @Option(names = "--isolate", paramLabel = "MODE", defaultValue = "threads",
      description = "Where extraction runs: threads (default; a parser that never stops is abandoned and "
          + "keeps its CPU until the import ends) or processes (child JVMs, killed on timeout and restarted "
          + "after a crash or out-of-memory; slower to start).")
  Isolation isolate;

  @Option(names = "--retry-failed",
      description = "Try again files that failed before and have not changed (by default they are skipped "
          + "and reported as failed earlier).")
  boolean retryFailed;

  @Option(names = "--prune",
      description = "Remove the articles of files that were imported from under PATH but no longer exist.")
  boolean prune;

  @Option(names = "--resume",
      description = "Continue an import that was interrupted. This is what every import does (files already "
          + "committed are skipped); the flag is accepted for scripts that say so.")
  boolean resume;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "10000",
      description = "Commit after this many files (and at least every 10 s), so an interrupted import "
          + "loses little (default: ${DEFAULT-VALUE}).")
  int commitEvery;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write one JSON line per failed file to FILE, as the import goes: "
          + "{source, status (failed or failed-earlier), reason, message}.")
  Path report;

  @Option(names = "--report-all",
      description = "With --report: a line for every file, also {status: imported, unchanged or removed, articles}.")
  boolean reportAll;

  @Option(names = {"-q", "--quiet"}, description = "No progress output; only the summary.")
  boolean quiet;

  @Option(names = "--optimize",
      description = "After the import, merge the index into one segment (as the optimize command does): "
          + "faster searches and start-up for an archive that is then mostly read; needs free disk space "
          + "about the index's size.")
  boolean optimize;

  @Spec
  CommandSpec spec;

  /** A command that starts a JVM like this one: same java, same classpath. */
  private static List<String> thisJava() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"));
  }

  @Override
  public Integer call() throws Exception {
    if (reportAll && report == null) throw new IllegalArgumentException("--report-all needs --report FILE");
    if (optimize && backend.solr()) {
      throw new IllegalArgumentException("--optimize merges the embedded index; a Solr collection is merged by Solr itself");
    }
    if (!(fileTimeoutSeconds > 0)) {
      throw new IllegalArgumentException("--file-timeout must be more than 0 seconds, got " + fileTimeoutSeconds);
    }
    BulkImporter.Options options = new BulkImporter.Options(
        threads == null ? Runtime.getRuntime().availableProcessors() : threads,
        maxFileMb * 1024 * 1024, FileExtractor.DEFAULT_MAX_CHARS,
        Duration.ofMillis(Math.round(fileTimeoutSeconds * 1000)), commitEvery, retryFailed, prune);
    // SIGTERM (kill, systemd, docker stop) runs shutdown hooks: this one stops the import, which
    // commits what it wrote with the journal, and lets the JVM end only once the index is closed.
    AtomicReference<BulkImporter> running = new AtomicReference<>();
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      BulkImporter importer = running.get();
      if (importer != null) importer.stop();
      try {
        if (!closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
          System.err.println("backfile: the import did not stop within " + SHUTDOWN_WAIT_SECONDS
              + " s; the next run resumes from its last commit");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backfile-import-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (ArchiveIndex index = backend.solr() ? null : ArchiveIndex.openWritable(common.index)) {
      List<String> workers = isolate == Isolation.processes ? thisJava() : null;
      ImportSummary summary = index != null
          ? Importing.run(index, paths, options, spec.commandLine().getOut(), spec.commandLine().getErr(),
              quiet, report, reportAll, workers, running::set)
          : SolrImporting.run(backend, journal == null ? backend.defaultJournal() : journal, paths, options,
              spec.commandLine().getOut(), spec.commandLine().getErr(), quiet, report, reportAll, workers, running::set);
      if (running.get().stopped()) {
        spec.commandLine().getOut().println("Stopped early; run the same command again to import the rest.");
      } else if (optimize) {
        OptimizeCommand.optimize(index, 1, spec.commandLine().getOut());
      }
      return summary.failed() ? Cli.FAILED : Cli.OK;
    } finally {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and now lets the JVM end
      }
    }
  }

  /** How long SIGTERM waits for the import to commit and close the index. */
  private static final int SHUTDOWN_WAIT_SECONDS = 30;
}
