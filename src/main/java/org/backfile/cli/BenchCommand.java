package org.backfile.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.backfile.index.ArchiveIndex;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.Hit;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.search.SearchPage;
import org.backfile.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * In-process latency of search (snippets and facets), newest-first, filtered and related, on an
 * existing index: a benchmark that prints numbers, never a test. Queries are 1-3 words drawn with
 * a fixed seed from the index's own titles, so runs are repeatable.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
    description = {"Measure search and related latency (p50/p99, QPS) on an index, in process."})
final class BenchCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--queries", defaultValue = "2000", description = "Timed queries per kind (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--threads", defaultValue = "1", description = "Client threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec
  CommandSpec spec;

  record Result(String kind, int n, double p50, double p99, double qps) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ArchiveIndex index = ArchiveIndex.openReadOnly(common.index)) {
      ArchiveSearch search = new LuceneArchiveSearch(index);
      List<String> words = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      List<String> authors = search.authors().stream().limit(200).map(a -> a.name()).toList();
      collect(search, words, ids);
      if (words.isEmpty()) throw new IllegalArgumentException("the index has no titles to draw query words from");
      Random random = new Random(seed);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < queries * 2; i++) {
        int n = 1 + random.nextInt(3);
        StringBuilder q = new StringBuilder();
        for (int w = 0; w < n; w++) q.append(w == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
        texts.add(q.toString());
      }
      out.printf(Locale.ROOT, "index %s: %d articles; %d queries per kind, %d thread(s), seed %d%n",
          index.dir(), search.stats().articles(), queries, threads, seed);
      out.printf(Locale.ROOT, "%-26s %8s %9s %9s %9s%n", "kind", "queries", "p50 ms", "p99 ms", "QPS");
      List<Result> results = List.of(
          run("search (all words)", texts, t -> search.search(SearchRequest.of(t))),
          run("search any word (OR)", texts, t -> search.search(SearchRequest.of(String.join(" OR ", t.split(" "))))),
          run("newest first", texts, t -> search.search(new SearchRequest(t.split(" ")[0], null, null, null, null, SearchRequest.Sort.NEWEST, 1, 10))),
          run("author filter", texts, t -> search.search(new SearchRequest("", authors.isEmpty() ? null
              : authors.get(Math.floorMod(t.hashCode(), authors.size())), null, null, null, SearchRequest.Sort.NEWEST, 1, 10))),
          run("related", ids, id -> search.related(id, 5)));
      for (Result r : results) {
        out.printf(Locale.ROOT, "%-26s %8d %9.2f %9.2f %9.1f%n", r.kind(), r.n(), r.p50(), r.p99(), r.qps());
      }
      out.flush();
    }
    return Cli.OK;
  }

  private void collect(ArchiveSearch search, List<String> words, List<String> ids) {
    Set<String> unique = new LinkedHashSet<>();
    SearchPage page = search.search(new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, 1, 100));
    for (int pages = 0; pages < 20; pages++) {
      for (Hit h : page.hits()) {
        ids.add(h.id());
        for (String w : h.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (w.length() >= 4) unique.add(w);
        }
      }
      if (page.nextCursor() == null) break;
      page = search.search(new SearchRequest("", null, null, null, null, null, null, null, null, false,
          SearchRequest.Sort.NEWEST, 1, 100, page.nextCursor()));
    }
    words.addAll(unique);
  }

  private Result run(String kind, List<String> inputs, Consumer<String> op) throws Exception {
    int warmup = Math.min(inputs.size(), Math.max(50, queries / 10));
    for (int i = 0; i < warmup; i++) op.accept(inputs.get(inputs.size() - 1 - i % inputs.size()));
    long[] nanos = new long[queries];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      int n = i;
      futures.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        op.accept(inputs.get(n % inputs.size()));
        nanos[n] = System.nanoTime() - t0;
      }));
    }
    for (Future<?> f : futures) f.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(nanos);
    return new Result(kind, queries, nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, queries / seconds);
  }
}
