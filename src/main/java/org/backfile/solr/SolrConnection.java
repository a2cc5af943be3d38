package org.backfile.solr;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP to a SolrCloud (JSON in, JSON out), with no Solr jars: SolrJ 9 brings Jetty 10+
 * client classes that would clash with the Jetty 9.4 Spark serves on, and any node of a SolrCloud
 * answers for the whole collection. Requests go to the node that answered last; a node that does
 * not answer (or answers 5xx) is skipped for the next, and the request is tried again a few times
 * with a growing pause, so losing a node costs one slow request, not an error.
 */
final class SolrConnection {

  private static final Logger log = LoggerFactory.getLogger(SolrConnection.class);
  private static final int ATTEMPTS = 4;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final List<URI> nodes;
  private final int attempts;
  private final AtomicInteger current = new AtomicInteger();
  /** One client for every connection: it is thread-safe, and each one holds a selector thread. */
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1).build();

  /** @param nodes base URLs of Solr nodes, such as {@code http://host:8983/solr} */
  SolrConnection(List<URI> nodes) {
    this(nodes, ATTEMPTS);
  }

  /** @param attempts rounds over every node before giving up (1: no retries) */
  SolrConnection(List<URI> nodes, int attempts) {
    this.attempts = attempts;
    if (nodes.isEmpty()) throw new IllegalArgumentException("at least one Solr node URL is needed");
    List<URI> clean = new ArrayList<>();
    for (URI n : nodes) {
      String s = n.toString();
      clean.add(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }
    this.nodes = List.copyOf(clean);
  }

  List<URI> nodes() {
    return nodes;
  }

  /** GET {@code path?params} (path below the node URL, e.g. {@code /admin/collections}). */
  JsonObject get(String path, List<Map.Entry<String, String>> params) {
    String query = form(params);
    return send(base -> HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query))).GET());
  }

  /** POST form parameters: queries of any length. */
  JsonObject postForm(String path, List<Map.Entry<String, String>> params) {
    String body = form(params);
    return send(base -> HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** POST a body of the given type, with {@code params} in the URL. */
  JsonObject post(String path, List<Map.Entry<String, String>> params, String contentType, byte[] body) {
    String query = form(params);
    return send(base -> HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private interface RequestFor {
    HttpRequest.Builder at(URI base);
  }

  private JsonObject send(RequestFor request) {
    Exception last = null;
    for (int attempt = 0; attempt < attempts * nodes.size(); attempt++) {
      int i = Math.floorMod(current.get(), nodes.size());
      URI base = nodes.get(i);
      try {
        HttpResponse<String> r = HTTP.send(request.at(base).timeout(REQUEST_TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 500) {
          last = new SolrException(describe(r), r.statusCode());
        } else if (r.statusCode() >= 400) {
          throw new SolrException(describe(r), r.statusCode()); // our mistake: trying again won't help
        } else {
          return JsonParser.parseString(r.body()).getAsJsonObject();
        }
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SolrException("interrupted while waiting for Solr at " + base, e);
      } catch (JsonParseException | IllegalStateException e) {
        throw new SolrException("Solr at " + base + " sent something that is not JSON", e);
      }
      log.debug("Solr node {} failed ({}); trying the next", base, last.toString());
      current.compareAndSet(i, i + 1);
      if ((attempt + 1) % nodes.size() == 0 && attempt + 1 < attempts * nodes.size()) pause(attempt / nodes.size());
    }
    throw new SolrException("no Solr node answered (" + nodes + "): " + last.getMessage(), last);
  }

  private static void pause(int round) {
    try {
      Thread.sleep(200L << Math.min(round, 5)); // a retry back-off: there is nothing to wait on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Solr's own message ({@code error.msg}) when it sent one. */
  private static String describe(HttpResponse<String> r) {
    String msg = r.body();
    try {
      JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
      if (o.has("error") && o.getAsJsonObject("error").has("msg")) msg = o.getAsJsonObject("error").get("msg").getAsString();
    } catch (RuntimeException notJson) {
      // keep the raw body
    }
    if (msg.length() > 500) msg = msg.substring(0, 500) + "…";
    return "Solr answered " + r.statusCode() + " to " + r.uri().getPath() + ": " + msg.strip();
  }

  static String form(List<Map.Entry<String, String>> params) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> p : params) {
      if (b.length() > 0) b.append('&');
      b.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }
}
