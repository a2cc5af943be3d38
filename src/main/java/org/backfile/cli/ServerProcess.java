package org.backfile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code backfile serve} as a child JVM on a free port, so that the benchmark sees the server's
 * own start-up, heap and resident memory, not its own.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("serving .* on (http://\\S+?)/? ");
  private static final Pattern HEAP_USED = Pattern.compile("heap .*?used (\\d+)K");

  final Process process;
  final long startNanos;
  private final CompletableFuture<URI> url = new CompletableFuture<>();
  private final List<String> output = new ArrayList<>();

  private ServerProcess(Process process, long startNanos) {
    this.process = process;
    this.startNanos = startNanos;
    Thread reader = new Thread(this::drain, "serve-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code serve --index DIR --port 0} with the given JVM options; returns at once. */
  static ServerProcess start(Path index, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
    command.addAll(startupCache(jvmOptions));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--index", index.toString(), "--port", "0"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    long t0 = System.nanoTime();
    return new ServerProcess(pb.start(), t0);
  }

  /**
   * This JVM's AOT cache options (the launcher's {@code -XX:AOTCache}), unless the caller gives its
   * own: the server child has the same class path, so it starts as {@code ./backfile serve} would.
   */
  static List<String> startupCache(List<String> jvmOptions) {
    if (jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:AOTCache") || o.startsWith("-XX:AOTMode"))) return List.of();
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-Xlog:aot") || o.startsWith("-Xlog:cds"))
        .toList();
  }

  private void drain() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (output) {
          if (output.size() < 200) output.add(line);
        }
        Matcher m = SERVING.matcher(line);
        if (m.find()) url.complete(URI.create(m.group(1).replace("localhost", "127.0.0.1") + "/"));
      }
    } catch (IOException e) {
      url.completeExceptionally(e);
    }
    url.completeExceptionally(new IOException("serve exited before it served: " + lastLines()));
  }

  /** The base URL, once the server has said it listens. */
  URI awaitUrl(long seconds) throws Exception {
    return url.get(seconds, TimeUnit.SECONDS);
  }

  String lastLines() {
    synchronized (output) {
      return String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size()));
    }
  }

  /** CPU time the server has used so far (all its threads), in ms; -1 where the OS does not say. */
  double cpuMs() {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
  }

  /** Resident set size now and at its peak (VmRSS, VmHWM), in MB; -1 where /proc is missing. */
  double[] rssMb() {
    double[] out = {-1, -1};
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) out[0] = kb(line) / 1024.0;
        if (line.startsWith("VmHWM:")) out[1] = kb(line) / 1024.0;
      }
    } catch (IOException e) {
      // not Linux: RSS is not reported
    }
    return out;
  }

  private static long kb(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  /** Heap in use right after a full GC (via jcmd GC.run, then GC.heap_info), in MB; -1 if jcmd fails. */
  double heapAfterGcMb() {
    try {
      jcmd("GC.run");
      Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
      return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private String jcmd(String what) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), what).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return text;
  }

  /** SIGTERM (serve closes the index in its shutdown hook), then waits so the index lock is free again. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
