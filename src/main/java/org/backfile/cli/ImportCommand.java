package org.backfile.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
        "Re-importing a file replaces its articles. Exit code 1 when any file failed."})
final class ImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to import.")
  List<Path> paths;

  @Mixin
  CommonOptions common;

  @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: number of cores).")
  Integer threads;

  @Option(names = "--max-file-mb", paramLabel = "MB", defaultValue = "256",
      description = "Skip files larger than this, decompressed (default: ${DEFAULT-VALUE}).")
  long maxFileMb;

  @Option(names = {"-q", "--quiet"}, description = "No progress output; only the summary.")
  boolean quiet;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BulkImporter.Options options = new BulkImporter.Options(
        threads == null ? Runtime.getRuntime().availableProcessors() : threads,
        maxFileMb * 1024 * 1024, FileExtractor.DEFAULT_MAX_CHARS);
    try (ArchiveIndex index = ArchiveIndex.openWritable(common.index)) {
      ImportSummary summary = Importing.run(index, paths, options,
          spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
      return summary.failed() ? Cli.FAILED : Cli.OK;
    }
  }
}
