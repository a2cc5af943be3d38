package org.backfile.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code backfile eval …}: measured quality on public test collections. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure Backfile against public test collections, next to a plain-Lucene baseline."},
    subcommands = {EvalExtractionCommand.class, EvalSearchCommand.class, EvalRelatedCommand.class})
final class EvalCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** An evaluation, given where to print; returns an exit code. */
  @FunctionalInterface
  interface Evaluation {
    int run(PrintStream out);
  }

  /** Runs an evaluation and copies what it printed to the command's output. */
  static int runTo(PrintWriter out, Evaluation eval) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      code = eval.run(ps);
    }
    out.print(buffer.toString(StandardCharsets.UTF_8));
    out.flush();
    return code;
  }
}
