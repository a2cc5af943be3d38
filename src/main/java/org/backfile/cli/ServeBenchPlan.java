package org.backfile.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The requests of a serving benchmark, drawn with a fixed seed from a words file (the same words
 * and the same random draws as the Solr harness's {@code query} command) and from what the
 * server itself lists (authors, archive months, article ids).
 */
final class ServeBenchPlan {

  final List<String> words;
  final List<String> authors = new ArrayList<>();
  final List<int[]> months = new ArrayList<>();
  final List<int[]> yearCounts = new ArrayList<>();
  final List<String> ids = new ArrayList<>();
  private final URI base;

  ServeBenchPlan(URI base, List<String> words) {
    this.base = base;
    this.words = List.copyOf(words);
    if (words.isEmpty()) throw new IllegalArgumentException("the words file has no words");
  }

  /** The words as the harness reads them: whitespace-separated, letters and digits only. */
  static List<String> readWords(Path file) throws IOException {
    List<String> words = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      for (String w : line.strip().split("\\s+")) {
        String c = w.replaceAll("[^\\p{L}\\p{N}]", "");
        if (!c.isEmpty()) words.add(c);
      }
    }
    return words;
  }

  /** Exactly {@code peer.SolrPeer.makeQueries}: 1-3 words each, java.util.Random(seed). */
  static List<String> queries(List<String> words, int n, long seed) {
    Random rnd = new Random(seed);
    List<String> qs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = 1 + rnd.nextInt(3);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < k; j++) {
        if (j > 0) sb.append(' ');
        sb.append(words.get(rnd.nextInt(words.size())));
      }
      qs.add(sb.toString());
    }
    return qs;
  }

  /** Reads the server's authors, archive months and some article ids (untimed). */
  void discover(HttpLoad http) throws Exception {
    for (JsonElement a : JsonParser.parseString(http.getString(base.resolve("api/authors"))).getAsJsonArray()) {
      if (authors.size() < 200) authors.add(a.getAsJsonObject().get("name").getAsString());
    }
    JsonObject archive = JsonParser.parseString(http.getString(base.resolve("api/archive"))).getAsJsonObject();
    for (JsonElement y : archive.getAsJsonArray("years")) {
      JsonObject year = y.getAsJsonObject();
      yearCounts.add(new int[] {year.get("year").getAsInt(), year.get("count").getAsInt()});
      for (JsonElement m : year.getAsJsonArray("months")) months.add(new int[] {year.get("year").getAsInt(), m.getAsJsonObject().get("month").getAsInt()});
    }
    Set<String> found = new LinkedHashSet<>();
    for (int i = 0; i < words.size() && found.size() < 500; i += Math.max(1, words.size() / 100)) {
      JsonObject page = JsonParser.parseString(http.getString(uri("api/search", "q", words.get(i), "size", "10"))).getAsJsonObject();
      page.getAsJsonArray("hits").forEach(h -> found.add(h.getAsJsonObject().get("id").getAsString()));
    }
    ids.addAll(found);
    if (months.isEmpty() || authors.isEmpty() || ids.isEmpty()) {
      throw new IllegalArgumentException("the server's index has no dated articles, authors or matches for the words");
    }
  }

  List<URI> search(List<String> qs, String path, boolean anyWord) {
    return qs.stream().map(q -> uri(path, "q", anyWord ? String.join(" OR ", q.split(" ")) : q)).toList();
  }

  List<URI> newest(List<String> qs) {
    return qs.stream().map(q -> uri("api/search", "q", q.split(" ")[0], "sort", "newest")).toList();
  }

  /** A 1-5 year range and one of the 200 most prolific authors, with the query's first word. */
  List<URI> filtered(List<String> qs, long seed) {
    Random r = new Random(seed);
    List<URI> out = new ArrayList<>();
    for (String q : qs) {
      int from = yearCounts.get(r.nextInt(yearCounts.size()))[0];
      out.add(uri("api/search", "q", q.split(" ")[0], "from", String.valueOf(from), "to", String.valueOf(from + r.nextInt(5)),
          "author", authors.get(r.nextInt(authors.size()))));
    }
    return out;
  }

  List<URI> related(int n, long seed) {
    Random r = new Random(seed);
    List<URI> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(base.resolve("api/articles/" + enc(ids.get(r.nextInt(ids.size()))) + "/related"));
    return out;
  }

  List<URI> archiveMonths(int n, long seed, boolean page) {
    Random r = new Random(seed);
    List<URI> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int[] m = months.get(r.nextInt(months.size()));
      out.add(base.resolve((page ? "archive/" : "api/archive/") + m[0] + "/" + String.format("%02d", m[1])));
    }
    return out;
  }

  /** The newest years whose articles add up to at least {@code rows}: {from, to, expected rows}. */
  int[] exportRange(int rows) {
    int to = yearCounts.get(0)[0];
    int sum = 0;
    int from = to;
    for (int[] y : yearCounts) {
      from = y[0];
      sum += y[1];
      if (sum >= rows) break;
    }
    return new int[] {from, to, sum};
  }

  URI uri(String path, String... params) {
    StringBuilder b = new StringBuilder(path);
    for (int i = 0; i < params.length; i += 2) b.append(i == 0 ? '?' : '&').append(params[i]).append('=').append(enc(params[i + 1]));
    return base.resolve(b.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
