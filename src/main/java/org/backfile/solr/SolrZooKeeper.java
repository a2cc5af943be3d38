package org.backfile.solr;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Finds a SolrCloud's nodes the way Solr's own clients do: the children of {@code /live_nodes} in
 * its ZooKeeper (each node registers there while it is up). Read once, when Backfile starts; the
 * requests then fail over between those nodes.
 */
public final class SolrZooKeeper {

  private static final int SESSION_MILLIS = 15_000;
  private static final long CONNECT_SECONDS = 15;

  private SolrZooKeeper() {}

  /**
   * @param connect {@code HOST:PORT[,HOST:PORT…][/chroot]}, as Solr's {@code -z} takes it
   * @return the base URLs of the live nodes, such as {@code http://10.0.0.5:8983/solr}
   * @throws IllegalArgumentException when ZooKeeper does not answer or lists no live node
   */
  public static List<URI> liveNodes(String connect) {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = null;
    try {
      zk = new ZooKeeper(connect, SESSION_MILLIS, event -> {
        if (event.getState() == Watcher.Event.KeeperState.SyncConnected) connected.countDown();
      });
      if (!connected.await(CONNECT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalArgumentException("ZooKeeper at " + connect + " did not answer within " + CONNECT_SECONDS + " s");
      }
      String scheme = urlScheme(zk);
      List<URI> nodes = new ArrayList<>();
      for (String name : zk.getChildren("/live_nodes", false)) nodes.add(baseUrl(scheme, name));
      if (nodes.isEmpty()) throw new IllegalArgumentException("ZooKeeper at " + connect + " lists no live Solr node");
      nodes.sort(null);
      return nodes;
    } catch (KeeperException.NoNodeException e) {
      throw new IllegalArgumentException("ZooKeeper at " + connect + " holds no SolrCloud (no /live_nodes;"
          + " is the chroot, such as /solr, missing?)");
    } catch (KeeperException | IOException e) {
      throw new IllegalArgumentException("cannot read the Solr nodes from ZooKeeper at " + connect + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while asking ZooKeeper at " + connect);
    } finally {
      if (zk != null) {
        try {
          zk.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** "http", unless the cluster's properties say the nodes speak "https". */
  private static String urlScheme(ZooKeeper zk) throws KeeperException, InterruptedException {
    if (zk.exists("/clusterprops.json", false) == null) return "http";
    String props = new String(zk.getData("/clusterprops.json", false, null), StandardCharsets.UTF_8);
    return props.matches("(?s).*\"urlScheme\"\\s*:\\s*\"https\".*") ? "https" : "http";
  }

  /** {@code 10.0.0.5:8983_solr} → {@code http://10.0.0.5:8983/solr} (Solr's node-name format). */
  static URI baseUrl(String scheme, String nodeName) {
    int sep = nodeName.indexOf('_');
    if (sep < 0) return URI.create(scheme + "://" + nodeName);
    String context = URLDecoder.decode(nodeName.substring(sep + 1), StandardCharsets.UTF_8);
    return URI.create(scheme + "://" + nodeName.substring(0, sep) + (context.isEmpty() ? "" : "/" + context));
  }
}
