package org.backfile.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Serving over HTTP, measured from outside: starts {@code serve} as a child JVM on a free port (or
 * uses {@code --url}), times search, sorting, filters, related, archive pages and export with 1 and
 * 4 client threads, cold start, heap and RSS; optionally the same search queries on the Solr peer
 * harness. A benchmark that prints numbers, never a test.
 */
@Command(name = "bench-serve", mixinStandardHelpOptions = true,
    description = {"Measure serving over HTTP (p50/p99/QPS per kind of request, cold start, heap, RSS, export), "
        + "optionally against the Solr peer harness on the same queries."})
final class BenchServeCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "INDEX", description = "Index to serve in a child JVM (or use --url).")
  Path index;

  @Option(names = "--url", description = "Measure a running server instead (no cold start, heap or RSS).")
  URI url;

  @Option(names = "--words", required = true, paramLabel = "FILE",
      description = "Query words, e.g. the words.txt that bench-corpus writes (the Solr harness gets the same file).")
  Path words;

  @Option(names = "--queries", defaultValue = "1000", description = "Timed requests per kind and thread count (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--warmup", paramLabel = "N",
      description = "Untimed requests per kind and thread count before the timed ones (default: a tenth of --queries, "
          + "as the Solr harness). The server's JIT compiles Lucene's inner loops over its first few hundred "
          + "searches, so a short warm-up times a JVM still compiling; start-up is what --cold-starts times.")
  Integer warmup;

  @Option(names = "--threads", split = ",", defaultValue = "1,4", description = "Client thread counts (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the query draws (default: ${DEFAULT-VALUE}, as the Solr harness).")
  long seed;

  @Option(names = "--kinds", split = ",", defaultValue = "search,search-any,search-page,newest,filtered,related,month,month-page",
      description = "Which kinds of request to time (default: ${DEFAULT-VALUE}).")
  List<String> kinds;

  @Option(names = "--server-jvm-opts", defaultValue = "-Xmx512m",
      description = "JVM options of the server child, e.g. with -XX:StartFlightRecording=... (default: ${DEFAULT-VALUE}).")
  String serverJvmOpts;

  @Option(names = "--cold-starts", defaultValue = "3", description = "Child JVMs started to time start-up to first search (default: ${DEFAULT-VALUE}).")
  int coldStarts;

  @Option(names = "--export-rows", defaultValue = "100000", description = "Rows to export, at least (default: ${DEFAULT-VALUE}; 0: skip).")
  int exportRows;

  @Option(names = "--solr-harness", paramLabel = "RUN_SH", description = "A copy of ../shared/peers/solr/run.sh: also run its query command.")
  Path solrHarness;

  @Option(names = "--solr-docs", paramLabel = "DIR", description = "Import these files into the harness's Solr first (html/eml from bench-corpus).")
  Path solrDocs;

  @Option(names = "--solr-home", paramLabel = "DIR", description = "PEER_HOME of the harness (default: its own).")
  Path solrHome;

  @Option(names = "--solr-flavor", defaultValue = "solr9", description = "PEER_FLAVOR (default: ${DEFAULT-VALUE}).")
  String solrFlavor;

  @Option(names = "--solr-java-home", paramLabel = "JDK", description = "JAVA_HOME for the harness (default: the harness's, java 17).")
  Path solrJavaHome;

  @Spec
  CommandSpec spec;

  private final List<HttpLoad.Result> results = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if ((index == null) == (url == null)) throw new IllegalArgumentException("give an INDEX to serve or --url, not both");
    if (queries < 10) throw new IllegalArgumentException("--queries must be at least 10, got " + queries);
    if (warmup != null && warmup < 1) throw new IllegalArgumentException("--warmup must be at least 1, got " + warmup);
    int warmups = warmup != null ? warmup : Math.max(1, queries / 10);
    List<String> wordList = ServeBenchPlan.readWords(words);
    List<String> jvm = Arrays.stream(serverJvmOpts.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    out.printf(Locale.ROOT, "# machine: %d cores, %s; %s; client JVM %s%n", Runtime.getRuntime().availableProcessors(),
        ServeBenchReport.cpuModel(), ServeBenchReport.memory(), Runtime.version());
    out.printf(Locale.ROOT, "# %s; words %s (%d); %d requests per kind and thread count; seed %d; server JVM options %s%n",
        index != null ? "index " + index : "url " + url, words, wordList.size(), queries, seed, jvm);
    out.printf(Locale.ROOT, "# %d untimed warm-up requests per kind and thread count before the timed ones%n", warmups);
    if (index != null) {
      out.printf(Locale.ROOT, "# index %s: %d segments (fewer answer faster: see the optimize command)%n",
          index, org.backfile.index.ArchiveIndex.committedSegments(index));
    }
    List<Double> coldMs = new ArrayList<>();
    if (index != null) {
      for (int i = 0; i < coldStarts; i++) coldMs.add(coldStart(jvm, wordList.get(i % wordList.size()), out));
    }
    ServerProcess server = index != null ? ServerProcess.start(index, jvm) : null;
    ServeBenchReport report = new ServeBenchReport(out);
    try {
      URI base = server != null ? server.awaitUrl(600) : url;
      HttpLoad http = new HttpLoad();
      ServeBenchPlan plan = new ServeBenchPlan(base, wordList);
      plan.discover(http);
      out.printf(Locale.ROOT, "# server %s: %d authors listed (200 used), %d archive months, %d article ids for related; load %s%n",
          base, plan.authors.size(), plan.months.size(), plan.ids.size(), ServeBenchReport.load());
      report.header();
      for (String kind : kinds) {
        for (int t : threads) {
          long s = seed + (t == 1 ? 0 : 1);   // as the harness: another draw for the multi-thread run
          List<URI> timed = requests(plan, kind, s, queries);
          http.run(kind, requests(plan, kind, seed + 1000, warmups), t);   // warm-up
          double cpu0 = server != null ? server.cpuMs() : -1;
          HttpLoad.Result r = http.run(kind, timed, t);
          double cpu = server != null && cpu0 >= 0 ? server.cpuMs() - cpu0 : -1;
          results.add(r);
          report.row(r, cpu);
        }
      }
      double[] heapRss = new double[] {-1, -1, -1};
      if (server != null) {
        double[] rss = server.rssMb();
        heapRss = new double[] {server.heapAfterGcMb(), rss[0], rss[1]};
        out.printf(Locale.ROOT, "# server after the timed runs: heap after full GC %.1f MB, RSS %.1f MB (peak %.1f MB); load %s%n",
            heapRss[0], heapRss[1], heapRss[2], ServeBenchReport.load());
      }
      double[] export = exportRows > 0 ? export(plan, base, server, out) : null;
      List<SolrHarnessQuery.Run> solr = solrHarness != null ? solr(out) : List.of();
      report.ratios(results, solr, coldMs, heapRss, export);
    } finally {
      if (server != null) server.close();
    }
    out.flush();
    return Cli.OK;
  }

  private List<URI> requests(ServeBenchPlan plan, String kind, long s, int queries) {
    List<String> qs = ServeBenchPlan.queries(plan.words, queries, s);
    return switch (kind) {
      case "search" -> plan.search(qs, "api/search", false);
      case "search-any" -> plan.search(qs, "api/search", true);
      case "search-page" -> plan.search(qs, "search", false);
      case "newest" -> plan.newest(qs);
      case "filtered" -> plan.filtered(qs, s);
      case "related" -> plan.related(queries, s);
      case "month" -> plan.archiveMonths(queries, s, false);
      case "month-page" -> plan.archiveMonths(queries, s, true);
      default -> throw new IllegalArgumentException("unknown kind '" + kind
          + "': use search, search-any, search-page, newest, filtered, related, month, month-page");
    };
  }

  /** JVM start of {@code serve} to the first answered search, in ms. */
  private double coldStart(List<String> jvm, String word, PrintWriter out) throws Exception {
    try (ServerProcess p = ServerProcess.start(index, jvm)) {
      URI base = p.awaitUrl(600);
      double listening = (System.nanoTime() - p.startNanos) / 1e6;
      long[] answer = new HttpLoad().get(base.resolve("api/search?q=" + word));
      double ms = (System.nanoTime() - p.startNanos) / 1e6;
      if (answer[0] != 200) throw new IllegalStateException("the first search answered " + answer[0]);
      out.printf(Locale.ROOT, "# cold start: listening after %.0f ms, first search answered after %.0f ms; load %s%n",
          listening, ms, ServeBenchReport.load());
      return ms;
    }
  }

  /** Streams an export of the newest years holding at least --export-rows articles; {rows, seconds, rows/s, peak RSS MB, heap MB}. */
  private double[] export(ServeBenchPlan plan, URI base, ServerProcess server, PrintWriter out) throws Exception {
    int[] range = plan.exportRange(exportRows);
    URI uri = plan.uri("api/export", "format", "jsonl", "from", String.valueOf(range[0]), "to", String.valueOf(range[1]));
    double[] peakRss = {0};
    Thread sampler = null;
    if (server != null) {
      sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakRss[0] = Math.max(peakRss[0], server.rssMb()[0]);
          try {
            Thread.sleep(100);   // a benchmark's sampling interval, not a wait for a condition
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler");
      sampler.start();
    }
    long t0 = System.nanoTime();
    long rows = 0;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (!line.startsWith("{\"meta\"")) rows++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (sampler != null) {
      sampler.interrupt();
      sampler.join();
    }
    double heap = server != null ? server.heapAfterGcMb() : -1;
    out.printf(Locale.ROOT, "# export %s: status %d, %,d rows (archive says %,d) in %.2f s = %,.0f rows/s; server RSS peak during export %.1f MB,"
        + " heap after GC %.1f MB; load %s%n", uri.getRawQuery(), r.statusCode(), rows, range[2], seconds, rows / seconds, peakRss[0], heap,
        ServeBenchReport.load());
    return new double[] {rows, seconds, rows / seconds, peakRss[0], heap};
  }

  private List<SolrHarnessQuery.Run> solr(PrintWriter out) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PEER_FLAVOR", solrFlavor);
    if (solrHome != null) env.put("PEER_HOME", solrHome.toAbsolutePath().toString());
    if (solrJavaHome != null) env.put("JAVA_HOME", solrJavaHome.toString());
    SolrHarnessQuery harness = new SolrHarnessQuery(solrHarness, env);
    if (solrDocs != null) {
      if (!Files.isDirectory(solrDocs)) throw new IllegalArgumentException("--solr-docs " + solrDocs + " is not a folder");
      out.println("# Solr import of " + solrDocs + "; load " + ServeBenchReport.load());
      if (harness.importDocs(solrDocs, out) != 0) throw new IllegalStateException("the Solr harness import failed");
    }
    out.println("# Solr queries (embedded, no HTTP); load " + ServeBenchReport.load());
    return harness.query(words, queries, out);
  }

  static final BiFunction<Double, Double, String> RATIO = (a, b) -> b == null || b <= 0 || a == null || a < 0 ? "–"
      : String.format(Locale.ROOT, "%.2f×", a / b);
}
