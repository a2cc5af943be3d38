package org.backfile;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real SolrCloud for integration tests: solr-cluster/ (MiniSolrCloudCluster: Jetty nodes and an
 * embedded ZooKeeper) in a child JVM with its own class path, since Solr 9 needs Lucene 9 and Jetty
 * 10+ and this JVM has Lucene 10 and Jetty 9.4. The pom builds solr-cluster/ before the
 * integration tests. The child is told what to do on its stdin and answers on its stdout.
 */
final class SolrTestCluster implements AutoCloseable {

  static final Path MODULE = Path.of("solr-cluster", "target");
  private static final String MAIN = "org.backfile.solrcluster.ClusterMain";
  private static final long START_SECONDS = 180;

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Path log;
  private final List<URI> nodes = new ArrayList<>();
  private String zk;

  private SolrTestCluster(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** Starts {@code nodes} Solr nodes and waits until they serve. */
  static SolrTestCluster start(Path dir, int nodes) throws Exception {
    if (!Files.isDirectory(MODULE.resolve("lib")) || !Files.isDirectory(MODULE.resolve("classes"))) {
      throw new IllegalStateException("the test SolrCloud is not built; run 'mvn verify' (it builds it), or "
          + "'mvn -f solr-cluster/pom.xml package'");
    }
    Path log = dir.resolve("solr-cluster.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = MODULE.resolve("classes") + File.pathSeparator + MODULE.resolve("lib") + "/*";
    // A small heap: the machine is shared, and the sample archive is tiny.
    Process p = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp", classPath, MAIN,
        dir.resolve("cluster").toString(), Integer.toString(nodes))
        .redirectError(log.toFile()).start();
    SolrTestCluster cluster = new SolrTestCluster(p, log);
    try {
      cluster.readUntil("ready", START_SECONDS);
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  List<URI> nodes() {
    return List.copyOf(nodes);
  }

  /** The nodes' base URLs, comma-separated, as --solr-url takes them. */
  String urls(List<URI> which) {
    return String.join(",", which.stream().map(URI::toString).toList());
  }

  String zk() {
    return zk;
  }

  /** Stops one node and returns once it is down. */
  void stopNode(int n) throws Exception {
    in.write("stop " + n + "\n");
    in.flush();
    readUntil("stopped " + n, 60);
  }

  private void readUntil(String wanted, long seconds) throws Exception {
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("zk ")) zk = line.substring(3);
          if (line.startsWith("node ")) nodes.add(URI.create(line.split(" ")[2]));
          if (line.equals(wanted)) return;
        }
        throw new IllegalStateException("the test SolrCloud ended before '" + wanted + "'");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      done.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("the test SolrCloud did not say '" + wanted + "' within " + seconds
          + " s; its log: " + tail(), e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws Exception {
    try {
      in.write("quit\n");
      in.flush();
    } catch (IOException alreadyGone) {
      // the child has ended
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
