package org.backfile.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every index command shares. */
final class CommonOptions {

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
  boolean verbose;
}
