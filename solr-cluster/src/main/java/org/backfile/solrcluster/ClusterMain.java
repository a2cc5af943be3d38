package org.backfile.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Starts a small SolrCloud (N Jetty nodes and an embedded ZooKeeper) for Backfile's integration
 * tests and talks over stdin/stdout, so the test JVM (Lucene 10, Jetty 9.4) never loads a Solr class:
 *
 * <pre>
 * stdout: zk HOST:PORT/solr          the ZooKeeper address (chroot /solr)
 *         node 0 http://127.0.0.1:P/solr   one line per node
 *         ready
 * stdin:  stop N    stops node N, answers "stopped N" once it is down
 *         quit      (or end of input) shuts the cluster down and exits
 * </pre>
 *
 * Usage: {@code ClusterMain BASE_DIR [NODES]}.
 */
public final class ClusterMain {

  private ClusterMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ClusterMain BASE_DIR [NODES]");
      System.exit(2);
    }
    Path base = Path.of(args[0]);
    int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Files.createDirectories(base);
    // Solr refuses to read or write outside allowed paths; the cluster lives under base.
    System.setProperty("solr.allowPaths", base.toAbsolutePath().toString());
    System.setProperty("solr.log.dir", base.resolve("logs").toAbsolutePath().toString());
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, base,
        JettyConfig.builder().setContext("/solr").build());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(cluster), "solr-cluster-shutdown"));
    System.out.println("zk " + cluster.getZkServer().getZkAddress());
    int i = 0;
    for (JettySolrRunner node : cluster.getJettySolrRunners()) {
      System.out.println("node " + i++ + " " + node.getBaseUrl());
    }
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      line = line.strip();
      if (line.equals("quit")) break;
      if (line.startsWith("stop ")) {
        int n = Integer.parseInt(line.substring(5).strip());
        JettySolrRunner stopped = cluster.stopJettySolrRunner(n);
        cluster.waitForJettyToStop(stopped);
        System.out.println("stopped " + n);
        System.out.flush();
      }
    }
    System.exit(0); // runs the shutdown hook
  }

  private static void shutdown(MiniSolrCloudCluster cluster) {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      System.err.println("solr-cluster: shutdown failed: " + e);
    }
  }
}
