package org.backfile.solr;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.backfile.ingest.ArticleSink;

/**
 * Import into Solr: each imported file's articles replace the ones it had (delete by source, then
 * add), sent in batches; the import journal's commit record is a reserved document of the
 * collection, written after the batches it covers and committed with them.
 *
 * <p>Why resume and idempotence still hold: Solr acknowledges an update only once its transaction
 * log has it on every live replica, so an acknowledged batch survives a crash. The journal record
 * is written only after every batch before it was acknowledged, so it never names a file whose
 * articles were lost; a crash after a batch but before the record only means those files are
 * imported again, and a re-import deletes by source before adding, so nothing is duplicated.
 * Failed requests are retried (on another node) by {@link SolrConnection}; replaying a batch is
 * harmless for the same reason.
 */
public final class SolrArticleSink implements ArticleSink {

  /** The ids of reserved journal records start so (one record per journal folder). */
  static final String JOURNAL_ID = "_backfile_journal";
  static final String JOURNAL_KIND = "journal";
  static final String KIND = "kind";
  static final String JOURNAL_DATA = "journal_data";

  private static final int BATCH_ARTICLES = 500;
  /** About 6 MB of JSON per request (title and body are sent three times: stored, exact, words). */
  private static final long BATCH_CHARS = 2L << 20;
  private static final Gson GSON = new Gson();

  private final SolrCollection solr;
  private final String journalRecord;
  private final List<String> sources = new ArrayList<>();
  private final List<Article> articles = new ArrayList<>();
  private long chars;
  private long sent;
  private long updateNanos;

  /**
   * @param journalDir the folder of the import journal this sink commits for: each journal has its
   *     own record, so two journals feeding one collection never read each other's length
   */
  public SolrArticleSink(SolrCollection solr, Path journalDir) {
    this.solr = solr;
    this.journalRecord = journalRecordId(journalDir);
  }

  /** The id of the reserved record that holds a journal's commit data. */
  public static String journalRecordId(Path journalDir) {
    byte[] path = journalDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(path);
      return JOURNAL_ID + "_" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public void replace(String source, List<Article> replacement) throws IOException {
    // The deletes of a flush go before its adds: a source's adds still buffered would survive.
    String entries = source + "!/";
    articles.removeIf(a -> a.source().equals(source) || a.source().startsWith(entries));
    sources.add(source);
    // A file of many articles (a mailbox, a JSONL dump) goes out in several batches: its delete
    // travels with the first, before any of its adds.
    for (Article a : replacement) {
      articles.add(a);
      chars += a.body().length() + a.title().length();
      if (articles.size() >= BATCH_ARTICLES || chars >= BATCH_CHARS) flush();
    }
    if (sources.size() >= BATCH_ARTICLES) flush();
  }

  /** The later batches of a large file: added after the delete its first batch sent. */
  @Override
  public void append(String source, List<Article> more) throws IOException {
    for (Article a : more) add(a);
  }

  @Override
  public void commit() throws IOException {
    flush();
    solr.update("{\"commit\":{}}", new SolrParams());
  }

  @Override
  public void commit(Map<String, String> commitData) throws IOException {
    flush();
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      w.beginObject().name("add").beginObject().name("doc").beginObject()
          .name(ArticleSchema.ID).value(journalRecord)
          .name(KIND).value(JOURNAL_KIND)
          .name(JOURNAL_DATA).value(GSON.toJson(commitData))
          .endObject().endObject()
          .name("commit").beginObject().endObject()
          .endObject();
    }
    solr.update(out.toString(), new SolrParams());
  }

  @Override
  public Map<String, String> commitData() {
    var doc = solr.get(journalRecord);
    String data = doc == null ? null : SolrDocuments.string(doc, JOURNAL_DATA);
    if (data == null) return Map.of();
    Map<String, String> map = GSON.fromJson(data, new TypeToken<LinkedHashMap<String, String>>() {}.getType());
    return map == null ? Map.of() : map;
  }

  /**
   * Adds an article as it is, replacing the one with its id (and nothing else): for copying an
   * archive article by article, when its other articles of the same source come later.
   */
  public void add(Article article) throws IOException {
    articles.add(article);
    chars += article.body().length() + article.title().length();
    if (articles.size() >= BATCH_ARTICLES || chars >= BATCH_CHARS) flush();
  }

  /** Articles written so far (acknowledged by Solr). */
  public long articlesSent() {
    return sent;
  }

  /**
   * Seconds spent waiting for Solr to take the batches (index them and log them on every replica):
   * {@link #articlesSent()} over this is what the cluster indexes per second, apart from extraction.
   */
  public double updateSeconds() {
    return updateNanos / 1e9;
  }

  /** Sends what is buffered as one update request: the deletes by source first, then the adds. */
  private void flush() throws IOException {
    if (sources.isEmpty() && articles.isEmpty()) return;
    StringWriter out = new StringWriter();
    // Solr's JSON update format is an object whose keys repeat ("delete", "add", …), executed in
    // order; Gson's streaming writer lets keys repeat.
    try (JsonWriter w = new JsonWriter(out)) {
      w.beginObject();
      if (!sources.isEmpty()) w.name("delete").beginObject().name("query").value(bySource(sources)).endObject();
      for (Article a : articles) {
        w.name("add").beginObject().name("doc");
        SolrDocuments.write(a, w);
        w.endObject();
      }
      w.endObject();
    }
    long start = System.nanoTime();
    solr.update(out.toString(), new SolrParams());
    updateNanos += System.nanoTime() - start;
    sent += articles.size();
    sources.clear();
    articles.clear();
    chars = 0;
  }

  /** Every article of these sources: {@code source:("a" OR "b")}. */
  static String bySource(List<String> sources) {
    StringBuilder b = new StringBuilder(ArticleSchema.SOURCE).append(":(");
    for (int i = 0; i < sources.size(); i++) {
      if (i > 0) b.append(" OR ");
      b.append('"').append(sources.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append(')').toString();
  }
}
