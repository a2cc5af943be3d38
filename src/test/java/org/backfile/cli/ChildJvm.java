package org.backfile.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Backfile command run in a child JVM (same java, same classpath), so a test can kill it with
 * SIGKILL ({@link Process#destroyForcibly()}) or SIGTERM ({@link Process#destroy()}) or give it a
 * small heap. Its output (stdout and stderr together) goes to a file, which survives the child:
 * a pipe is closed under its reader when the child exits, and the last lines are lost.
 */
final class ChildJvm {

  private final Process process;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ChildJvm start(String heap, String... args) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("backfile-child", ".log");
    log.toFile().deleteOnExit();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJvm(p, log);
  }

  Process process() {
    return process;
  }

  /**
   * Waits until the {@code n}th line containing {@code text} is printed; false if the child ended
   * first or the deadline passed. Waiting is on the child's exit, 20 ms at a time.
   */
  boolean awaitLine(String text, int n, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      boolean ended = !process.isAlive();
      if (output().lines().filter(l -> l.contains(text)).count() >= n) return true;
      if (ended) return false;
      process.waitFor(20, TimeUnit.MILLISECONDS);
    }
    return false;
  }

  boolean awaitLine(String text, long seconds) throws InterruptedException {
    return awaitLine(text, 1, seconds);
  }

  /** Waits for the child to end; its exit code, or -1 (and the child killed) on timeout. */
  int finish(long seconds) throws InterruptedException {
    if (process.waitFor(seconds, TimeUnit.SECONDS)) return process.exitValue();
    process.destroyForcibly();
    return -1;
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
