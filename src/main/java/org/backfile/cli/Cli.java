package org.backfile.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

  /**
   * Every command, in the order help lists them. picocli builds a command's model by reflection
   * when it is added; a run adds only the command it runs (the whole list for help or an unknown
   * name), which takes a third of a second off every start.
   */
  static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("extract", ExtractCommand::new);
    COMMANDS.put("import", ImportCommand::new);
    COMMANDS.put("search", SearchCommand::new);
    COMMANDS.put("stats", StatsCommand::new);
    COMMANDS.put("optimize", OptimizeCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("demo", DemoCommand::new);
    COMMANDS.put("eval", EvalCommand::new);
    COMMANDS.put("bench-search", BenchCommand::new);
    COMMANDS.put("bench-import", BenchImportCommand::new);
    COMMANDS.put("bench-corpus", BenchCorpusCommand::new);
    COMMANDS.put("bench-serve", BenchServeCommand::new);
    COMMANDS.put("solr", SolrCommand::new);
    COMMANDS.put("aot-train", AotTrainCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /** The command line for these arguments: the named command only, or all of them. */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Cli());
    String first = args.length > 0 ? args[0] : "";
    if (COMMANDS.containsKey(first) && !first.equals("help")) {
      cli.addSubcommand(first, COMMANDS.get(first).get());
    } else {
      COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    return cli;
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine(args);
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
