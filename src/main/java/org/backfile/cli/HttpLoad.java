package org.backfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Sends GET requests from T client threads over keep-alive HTTP/1.1 and times each one, body read included. */
final class HttpLoad {

  /** Latencies of one run. {@code errors} counts non-200 answers and failed requests. */
  record Result(String kind, int threads, int requests, double p50, double p99, double qps, int errors, long bytes) {}

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** One request; returns the status, the body discarded after counting it. */
  long[] get(URI uri) throws IOException, InterruptedException {
    HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    try (InputStream in = r.body()) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) bytes += n;
    }
    return new long[] {r.statusCode(), bytes};
  }

  String getString(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IOException(uri + " answered " + r.statusCode() + ": " + r.body());
    return r.body();
  }

  Result run(String kind, List<URI> uris, int threads) throws Exception {
    long[] nanos = new long[uris.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < uris.size(); ) {
          long t0 = System.nanoTime();
          try {
            long[] answer = get(uris.get(i));
            if (answer[0] != 200) errors.incrementAndGet();
            bytes.addAndGet(answer[1]);
          } catch (IOException e) {
            errors.incrementAndGet();
          }
          nanos[i] = System.nanoTime() - t0;
        }
        return null;
      }));
    }
    for (Future<?> f : futures) f.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(nanos);
    return new Result(kind, threads, uris.size(), percentile(nanos, 50), percentile(nanos, 99), uris.size() / seconds,
        errors.get(), bytes.get());
  }

  /** Nearest-rank percentile in ms, as the Solr harness computes it. */
  static double percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
