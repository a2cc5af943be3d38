package org.backfile.ingest.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jsoup.Jsoup;

/**
 * One evaluation corpus read as it is shipped, recognised by its files (never by its path):
 * <ul>
 *   <li>{@code ground-truth.json} + {@code html/*.html.gz}: article-extraction benchmark (full body)
 *   <li>{@code evaldata.json} + a tar.gz of pages: trafilatura-style snippets and metadata
 *   <li>a tar.gz with {@code <name>/source.html} + {@code expected.html}: Readability test pages
 *   <li>a tar.gz with {@code input/<n>.html} + {@code GoldStandard/<n>.txt}: CleanEval
 * </ul>
 */
record EvalCorpus(String name, Kind kind, List<EvalPage> pages) {

  enum Kind { FULL_BODY, SNIPPETS }

  /** A page and what an extractor should find in it; absent annotations are null. */
  record EvalPage(String name, String url, byte[] html, String body, List<String> with, List<String> without,
      String title, String author, String date) {}

  static EvalCorpus load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("corpus directory not found: " + dir);
    }
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    if (Files.isRegularFile(dir.resolve("ground-truth.json")) && Files.isDirectory(dir.resolve("html"))) {
      return new EvalCorpus(name, Kind.FULL_BODY, groundTruth(dir));
    }
    if (Files.isRegularFile(dir.resolve("evaldata.json"))) {
      return new EvalCorpus(name, Kind.SNIPPETS, evaldata(dir));
    }
    for (Path tar : tarballs(dir)) {
      Map<String, byte[]> files = untar(tar);
      if (files.keySet().stream().anyMatch(k -> k.endsWith("/expected.html"))) {
        return new EvalCorpus(name, Kind.FULL_BODY, expectedHtml(files));
      }
      if (files.keySet().stream().anyMatch(k -> k.contains("GoldStandard/"))) {
        return new EvalCorpus(name, Kind.FULL_BODY, goldStandard(files));
      }
    }
    throw new IOException("no known corpus layout in " + dir + " (expected ground-truth.json + "
        + "html/, evaldata.json + pages tar.gz, or a tar.gz of expected.html or GoldStandard/ files)");
  }

  private static List<EvalPage> groundTruth(Path dir) throws IOException {
    JsonObject truth;
    try (Reader r = Files.newBufferedReader(dir.resolve("ground-truth.json"))) {
      truth = JsonParser.parseReader(r).getAsJsonObject();
    }
    List<EvalPage> pages = new ArrayList<>();
    for (String id : new java.util.TreeSet<>(truth.keySet())) {
      Path file = dir.resolve("html").resolve(id + ".html.gz");
      if (!Files.exists(file)) {
        continue;
      }
      byte[] html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = in.readAllBytes();
      }
      String body = truth.getAsJsonObject(id).get("articleBody").getAsString();
      pages.add(new EvalPage(id, truth.getAsJsonObject(id).has("url")
          ? truth.getAsJsonObject(id).get("url").getAsString() : null, html, body, null, null, null, null, null));
    }
    return pages;
  }

  private static List<EvalPage> evaldata(Path dir) throws IOException {
    JsonObject data;
    try (Reader r = Files.newBufferedReader(dir.resolve("evaldata.json"))) {
      data = JsonParser.parseReader(r).getAsJsonObject();
    }
    Map<String, byte[]> files = new TreeMap<>();
    for (Path tar : tarballs(dir)) {
      for (Map.Entry<String, byte[]> e : untar(tar).entrySet()) {
        String base = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
        files.put(nfc(base), e.getValue());
      }
    }
    List<EvalPage> pages = new ArrayList<>();
    for (String url : new java.util.TreeSet<>(data.keySet())) {
      JsonObject o = data.getAsJsonObject(url);
      String file = nfc(o.get("file").getAsString());
      byte[] html = files.get(file);
      if (html == null) {
        continue;
      }
      pages.add(new EvalPage(file, url, html, null, strings(o.get("with")), strings(o.get("without")),
          text(o.get("title")), text(o.get("author")), text(o.get("date"))));
    }
    return pages;
  }

  private static List<EvalPage> expectedHtml(Map<String, byte[]> files) {
    List<EvalPage> pages = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (!e.getKey().endsWith("/source.html")) {
        continue;
      }
      String folder = e.getKey().substring(0, e.getKey().length() - "source.html".length());
      byte[] expected = files.get(folder + "expected.html");
      if (expected == null) {
        continue;
      }
      String body = Jsoup.parse(new String(expected, StandardCharsets.UTF_8)).body().text();
      String title = null;
      byte[] meta = files.get(folder + "expected-metadata.json");
      if (meta != null) {
        JsonObject m = JsonParser.parseString(new String(meta, StandardCharsets.UTF_8)).getAsJsonObject();
        title = text(m.get("title"));
      }
      String name = folder.replaceAll("/$", "");
      pages.add(new EvalPage(name.substring(name.lastIndexOf('/') + 1), null, e.getValue(), body, null,
          null, title, null, null));
    }
    return pages;
  }

  private static List<EvalPage> goldStandard(Map<String, byte[]> files) {
    List<EvalPage> pages = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String key = e.getKey();
      int at = key.indexOf("/input/");
      if (at < 0 || !key.endsWith(".html")) {
        continue;
      }
      String n = key.substring(at + "/input/".length(), key.length() - ".html".length());
      byte[] gold = files.get(key.substring(0, at) + "/GoldStandard/" + n + ".txt");
      if (gold == null) {
        continue;
      }
      String text = new String(gold, StandardCharsets.UTF_8)
          .replaceFirst("^\\s*URL:[^\\n]*\\n", "")
          .replaceAll("<[phl]>", " ");
      pages.add(new EvalPage(key, null, e.getValue(), text, null, null, null, null, null));
    }
    return pages;
  }

  private static List<Path> tarballs(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.tar.gz")) {
      s.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  private static Map<String, byte[]> untar(Path tar) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tar))), "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isFile()) {
          files.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return files;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
    }
    return out;
  }

  /** A string annotation; arrays (several authors) are joined with "; ". */
  private static String text(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonArray()) {
      List<String> parts = new ArrayList<>();
      e.getAsJsonArray().forEach(x -> parts.add(x.getAsString()));
      return String.join("; ", parts);
    }
    return e.getAsString();
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
