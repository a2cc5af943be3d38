package org.backfile.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.BulkImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Import the sample articles, then serve them: the quick start in one command."})
final class DemoCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "sample-data", description = "Folder to import (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ArchiveIndex index = ArchiveIndex.openWritable(common.index);
    Importing.run(index, List.of(data), BulkImporter.Options.defaults(),
        spec.commandLine().getOut(), spec.commandLine().getErr(), false);
    Serving.serve(index, host, port, spec.commandLine().getOut());
    return Cli.OK;
  }
}
