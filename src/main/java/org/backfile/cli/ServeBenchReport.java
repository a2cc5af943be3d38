package org.backfile.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints bench-serve's tables: one row per run, then the ratios to Solr and to the targets. */
final class ServeBenchReport {

  private final PrintWriter out;

  ServeBenchReport(PrintWriter out) {
    this.out = out;
  }

  void header() {
    out.printf(Locale.ROOT, "%n| kind | threads | requests | p50 ms | p99 ms | QPS | server CPU ms/request | errors | KB/answer | load |%n|---|---|---|---|---|---|---|---|---|---|%n");
  }

  /**
   * @param serverCpuMs CPU the server used during the run, all threads (less sensitive than latency
   *     to other jobs on a shared machine); negative: unknown
   */
  void row(HttpLoad.Result r, double serverCpuMs) {
    out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.1f | %s | %d | %.1f | %s |%n", r.kind(), r.threads(), r.requests(), r.p50(), r.p99(),
        r.qps(), serverCpuMs < 0 ? "–" : String.format(Locale.ROOT, "%.2f", serverCpuMs / r.requests()), r.errors(),
        r.bytes() / 1024.0 / r.requests(), load());
    out.flush();
  }

  /**
   * @param heapRss heap after GC, RSS, peak RSS (MB; -1 unknown)
   * @param export rows, seconds, rows/s, peak RSS, heap after GC; null when skipped
   */
  void ratios(List<HttpLoad.Result> results, List<SolrHarnessQuery.Run> solr, List<Double> coldMs, double[] heapRss, double[] export) {
    out.printf(Locale.ROOT, "%n| measure | Backfile | Solr (embedded) | Backfile ÷ Solr | target | Backfile ÷ target |%n|---|---|---|---|---|---|%n");
    for (SolrHarnessQuery.Run s : solr) {
      HttpLoad.Result b = find(results, "search-any", s.threads());
      if (b == null) continue;
      line("search, any word, p50 ms, " + s.threads() + " thr", b.p50(), s.p50(), null);
      line("search, any word, p99 ms, " + s.threads() + " thr", b.p99(), s.p99(), null);
      line("search, any word, QPS, " + s.threads() + " thr", b.qps(), s.qps(), null);
    }
    for (HttpLoad.Result r : results) {
      if (!r.kind().equals("search")) continue;
      line("search + snippets + facets, p50 ms, " + r.threads() + " thr", r.p50(), null, 5.0);
      line("search + snippets + facets, p99 ms, " + r.threads() + " thr", r.p99(), null, 25.0);
      line("search + snippets + facets, QPS, " + r.threads() + " thr", r.qps(), null, r.threads() > 1 ? 400.0 : null);
    }
    for (HttpLoad.Result r : results) {
      if (r.kind().equals("related")) line("related, p99 ms, " + r.threads() + " thr", r.p99(), null, 10.0);
    }
    if (!coldMs.isEmpty()) {
      List<Double> sorted = new ArrayList<>(coldMs);
      sorted.sort(null);
      line("cold start to first search, median of " + sorted.size() + ", s", sorted.get(sorted.size() / 2) / 1000, null, 1.5);
    }
    if (heapRss[0] >= 0) line("server heap after full GC, MB", heapRss[0], null, 512.0);
    if (heapRss[1] >= 0) line("server RSS, MB", heapRss[1], null, null);
    if (export != null) {
      line("export rows/s (" + (long) export[0] + " rows)", export[2], null, null);
      if (export[3] > 0) line("server RSS peak during export, MB", export[3], null, null);
      if (export[4] >= 0) line("server heap after GC after export, MB", export[4], null, 512.0);
    }
    out.println("\nSolr runs embedded in its harness JVM (no HTTP, javabin in process), edismax over title and body, "
        + "unified highlighting, no facets; Backfile is measured over HTTP with snippets and facets.");
  }

  private void line(String what, double value, Double solr, Double target) {
    out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", what, num(value), solr == null ? "–" : num(solr),
        BenchServeCommand.RATIO.apply(value, solr), target == null ? "–" : num(target), BenchServeCommand.RATIO.apply(value, target));
  }

  private static String num(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static HttpLoad.Result find(List<HttpLoad.Result> results, String kind, int threads) {
    return results.stream().filter(r -> r.kind().equals(kind) && r.threads() == threads).findFirst().orElse(null);
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
          .findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }
}
