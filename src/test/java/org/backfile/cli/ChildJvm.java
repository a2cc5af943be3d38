package org.backfile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Backfile command run in a child JVM (same java, same classpath), so a test can kill it with
 * SIGKILL ({@link Process#destroyForcibly()}) or SIGTERM ({@link Process#destroy()}) or give it a
 * small heap. Its output (stdout and stderr together) is read line by line and kept.
 */
final class ChildJvm {

  private final Process process;
  private final BufferedReader lines;
  private final StringBuilder output = new StringBuilder();

  private ChildJvm(Process process) {
    this.process = process;
    this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static ChildJvm start(String heap, String... args) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  Process process() {
    return process;
  }

  /**
   * Reads output until a line contains {@code text}; false if the child ended first or the
   * deadline passed.
   */
  boolean awaitLine(String text, long seconds) throws Exception {
    CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          if (line.contains(text)) return true;
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return found.get(seconds, TimeUnit.SECONDS);
  }

  /** Waits for the child to end, reading the rest of its output; its exit code, or -1 on timeout. */
  int finish(long seconds) throws Exception {
    try {
      awaitLine("\u0000never printed\u0000", seconds);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      return -1;
    }
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }
}
