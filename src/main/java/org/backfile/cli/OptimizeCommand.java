package org.backfile.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backfile.index.ArchiveIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = {"Merge the index into fewer segments (default: one), for faster searches and start-up.",
        "Worth running once after a bulk import of an archive that is then mostly read. It rewrites the "
            + "index, so it needs free disk space about the size of the index while it runs, and the "
            + "index must not be in use (stop the server first). Later imports still work as before."})
final class OptimizeCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--segments", paramLabel = "N", defaultValue = "1",
      description = "Segments to merge into at most (default: ${DEFAULT-VALUE}).")
  int segments;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (segments < 1) throw new IllegalArgumentException("--segments must be at least 1, got " + segments);
    PrintWriter out = spec.commandLine().getOut();
    try (ArchiveIndex index = ArchiveIndex.openWritable(common.index)) {
      optimize(index, segments, out);
    }
    return Cli.OK;
  }

  /** Merges and says what it did (also for {@code import --optimize}). */
  static void optimize(ArchiveIndex index, int segments, PrintWriter out) throws java.io.IOException {
    int before = index.segments();
    long bytesBefore = index.sizeInBytes();
    long start = System.nanoTime();
    index.optimize(segments);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "Merged %s from %d segments (%.1f MB) into %d (%.1f MB) in %.1f s.%n",
        index.dir(), before, bytesBefore / 1048576.0, index.segments(), index.sizeInBytes() / 1048576.0, seconds);
    out.flush();
  }
}
