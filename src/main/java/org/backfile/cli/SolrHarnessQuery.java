package org.backfile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Solr peer harness ({@code run.sh import DIR}, {@code run.sh query WORDS N}) as a child
 * process and reads its query latencies. Solr runs embedded there (no HTTP), which favours it.
 */
final class SolrHarnessQuery {

  /** One harness query line: {@code single} (1 thread) or {@code parallel}. */
  record Run(String label, int threads, int queries, double p50, double p99, double qps, String hits) {}

  private static final Pattern RUN = Pattern.compile(
      "^\\s*(single|parallel)\\s+threads=(\\d+) queries=(\\d+)\\s+p50=([\\d.]+) ms\\s+p95=[\\d.]+ ms\\s+p99=([\\d.]+) ms\\s+mean=[\\d.]+ ms\\s+QPS=([\\d.]+)\\s+\\((.*)\\)");

  private final Path script;
  private final Map<String, String> env;

  SolrHarnessQuery(Path script, Map<String, String> env) {
    this.script = script.toAbsolutePath().normalize();
    this.env = env;
    if (!Files.isExecutable(this.script)) {
      throw new IllegalArgumentException("no Solr harness at " + this.script + " (copy ../shared/peers/solr to /tmp and pass its run.sh)");
    }
  }

  /** Wipes the harness's Solr home and indexes every file under {@code docs}; echoes its output. */
  int importDocs(Path docs, PrintWriter out) throws IOException, InterruptedException {
    return run(List.of("import", docs.toAbsolutePath().toString()), out, new ArrayList<>());
  }

  List<Run> query(Path words, int n, PrintWriter out) throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    int rc = run(List.of("query", words.toAbsolutePath().toString(), String.valueOf(n)), out, lines);
    if (rc != 0) throw new IOException("the Solr harness failed (exit " + rc + ")");
    return parse(lines);
  }

  static List<Run> parse(List<String> lines) {
    List<Run> runs = new ArrayList<>();
    for (String line : lines) {
      Matcher m = RUN.matcher(line);
      if (m.find()) {
        runs.add(new Run(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Double.parseDouble(m.group(4)),
            Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), m.group(7)));
      }
    }
    return runs;
  }

  private int run(List<String> args, PrintWriter out, List<String> lines) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(script.getParent().toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    // The launcher's MAVEN_OPTS holds a JDK 24+ flag that the harness's Java 17 Maven refuses.
    pb.environment().remove("MAVEN_OPTS");
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
        out.println("# solr: " + line);
        out.flush();
      }
    }
    return p.waitFor();
  }
}
