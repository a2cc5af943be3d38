package org.backfile.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import org.backfile.index.IndexLockedException;
import org.backfile.index.MissingIndexException;
import org.backfile.search.ArchiveUserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs one command line and returns its exit code; tests call this instead of {@code main}. */
@Command(name = "backfile", mixinStandardHelpOptions = true, version = "Backfile 0.1.0",
    description = "A full-text searchable article archive: import files, search them, serve them.",
    subcommands = {ExtractCommand.class, ImportCommand.class, SearchCommand.class,
        StatsCommand.class, ServeCommand.class, DemoCommand.class, EvalCommand.class, BenchCommand.class,
        BenchImportCommand.class, BenchCorpusCommand.class, BenchServeCommand.class, SolrCommand.class, AotTrainCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Run 'backfile COMMAND --help' for a command's options."})
public final class Cli implements Runnable {

  /** Exit codes: 0 fine, 1 some files failed or an unexpected error, 2 a usage error. */
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final Logger log = LoggerFactory.getLogger(Cli.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Cli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ArchiveUserException || e instanceof IndexLockedException
          || e instanceof MissingIndexException || e instanceof IllegalArgumentException
          || e instanceof java.nio.file.NoSuchFileException) {
        commandLine.getErr().println("backfile: " + message(e));
        return USAGE;
      }
      if (e instanceof org.backfile.solr.SolrException) {
        // Solr down or refusing: say so in one line; --verbose logs the details.
        log.debug("Solr failed", e);
        commandLine.getErr().println("backfile: " + message(e));
        return FAILED;
      }
      log.error("unexpected error", e);
      commandLine.getErr().println("backfile: unexpected error: " + message(e)
          + " (run with --verbose for details)");
      return FAILED;
    });
    return cli.execute(args);
  }

  /** Commands that keep serving after {@link #run} returns. */
  static boolean keepsRunning(String[] args) {
    List<String> list = List.of(args);
    return list.contains("serve") || list.contains("demo");
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) return "no such file or folder: " + n.getFile();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
