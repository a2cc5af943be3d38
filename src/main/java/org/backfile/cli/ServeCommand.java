package org.backfile.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the archive over HTTP: pages at /, JSON at /api.",
        "With a bearer token (--token-file, or the BACKFILE_TOKEN environment variable) clients that "
            + "send it may add articles (POST /api/articles) and delete them (DELETE /api/articles/ID)."})
final class ServeCommand implements Callable<Integer> {

  /** The environment variable that holds the write token when no --token-file is given. */
  static final String TOKEN_ENV = "BACKFILE_TOKEN";
  private static final int MIN_TOKEN_CHARS = 16;

  @Mixin
  CommonOptions common;

  @Mixin
  BackendOptions backend;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
  String host;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the bearer token that allows writes through the API (first line, "
          + "at least " + MIN_TOKEN_CHARS + " characters). Overrides " + TOKEN_ENV + ". Without either, "
          + "the API is read-only.")
  Path tokenFile;

  @Option(names = "--max-upload-mb", paramLabel = "N", defaultValue = "50",
      description = "Largest file or JSON body a client may add, in MB (default: ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (maxUploadMb < 1 || maxUploadMb > 1024) {
      throw new IllegalArgumentException("--max-upload-mb must be 1..1024, got " + maxUploadMb);
    }
    String token = token(tokenFile, System.getenv());
    if (backend.solr()) {
      Serving.serveSolr(backend.solrCollection(), host, port, token, maxUploadMb * 1024L * 1024L,
          spec.commandLine().getOut());
      return Cli.OK;
    }
    Serving.serve(common.index, host, port, token,
        maxUploadMb * 1024L * 1024L, spec.commandLine().getOut());
    return Cli.OK;
  }

  /** The write token from the file, else from the environment; null when neither has one. */
  static String token(Path tokenFile, Map<String, String> env) throws IOException {
    String token;
    String from;
    if (tokenFile != null) {
      token = Files.readString(tokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
      from = tokenFile.toString();
    } else {
      token = env.getOrDefault(TOKEN_ENV, "").strip();
      from = TOKEN_ENV;
      if (token.isEmpty()) return null;
    }
    if (token.length() < MIN_TOKEN_CHARS) {
      throw new IllegalArgumentException("the token in " + from + " must be at least " + MIN_TOKEN_CHARS
          + " characters, got " + token.length());
    }
    return token;
  }
}
