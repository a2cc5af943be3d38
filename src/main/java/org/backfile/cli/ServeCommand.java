package org.backfile.cli;

import java.util.concurrent.Callable;
import org.backfile.index.ArchiveIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the archive over HTTP: pages at /, JSON at /api."})
final class ServeCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
  String host;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Serving.serve(ArchiveIndex.openWritable(common.index), host, port, spec.commandLine().getOut());
    return Cli.OK;
  }
}
