package org.backfile.search.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import com.google.gson.Gson;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.search.RankedHit;

/**
 * {@code backfile eval search SMART_DIR}: ranks a SMART test collection's queries twice in one run,
 * with Backfile (its schema, analyser and {@link LuceneArchiveSearch#rank ranked retrieval}) and with
 * plain Lucene (StandardAnalyzer, BM25, title and body as one field, the query text OR-ed), and
 * prints MAP, P@10 and nDCG@10 over the queries that have judgements.
 */
public final class SearchEval {

  /** Results per query that MAP sees, as trec_eval's default. */
  static final int DEPTH = 1000;

  /** The three means for one system. */
  public record Scores(double map, double p10, double ndcg10) {}

  private SearchEval() {}

  /** Returns 0, or 2 when the collection cannot be read. */
  public static int run(Path corpus, PrintStream out, boolean json) {
    SmartCollection c;
    try {
      c = SmartCollection.load(corpus);
    } catch (IOException e) {
      out.println("cannot read SMART collection in " + corpus + ": " + e.getMessage());
      return 2;
    }
    try {
      long t0 = System.nanoTime();
      Scores backfile = score(c, backfileRanker(c));
      long t1 = System.nanoTime();
      Scores baseline = score(c, baselineRanker(c));
      long t2 = System.nanoTime();
      out.printf(Locale.ROOT, "%s: %d documents, %d queries, %d with judgements%n",
          corpus.getFileName(), c.docs().size(), c.queries().size(), c.judgedQueries().size());
      out.printf(Locale.ROOT, "%-9s %7s %7s %8s %7s%n", "system", "MAP", "P@10", "nDCG@10", "secs");
      row(out, "backfile", backfile, t1 - t0);
      row(out, "baseline", baseline, t2 - t1);
      out.printf(Locale.ROOT, "%-9s %7.3f %7.3f %8.3f%n", "ratio", backfile.map() / baseline.map(),
          backfile.p10() / baseline.p10(), backfile.ndcg10() / baseline.ndcg10());
      if (json) {
        Map<String, Scores> result = new LinkedHashMap<>();
        result.put("backfile", backfile);
        result.put("baseline", baseline);
        out.println(new Gson().toJson(result));
      }
      return 0;
    } catch (IOException e) {
      out.println("evaluation failed: " + e.getMessage());
      return 1;
    }
  }

  private static void row(PrintStream out, String name, Scores s, long nanos) {
    out.printf(Locale.ROOT, "%-9s %7.4f %7.4f %8.4f %7.1f%n", name, s.map(), s.p10(), s.ndcg10(), nanos / 1e9);
  }

  /** Means over the judged queries of one ranker. */
  static Scores score(SmartCollection c, Function<String, List<String>> ranker) {
    List<String> judged = c.judgedQueries();
    double map = 0, p10 = 0, ndcg = 0;
    for (String q : judged) {
      List<String> ranked = ranker.apply(c.queries().get(q));
      Set<String> rel = c.relevant().get(q);
      map += RankingMetrics.averagePrecision(ranked, rel);
      p10 += RankingMetrics.precisionAt(10, ranked, rel);
      ndcg += RankingMetrics.ndcgAt(10, ranked, rel);
    }
    int n = Math.max(1, judged.size());
    return new Scores(map / n, p10 / n, ndcg / n);
  }

  /** The text a document is searched by, the same for both systems. */
  static String title(SmartCollection.Doc d) {
    return d.field('T');
  }

  static String body(SmartCollection.Doc d) {
    String w = d.field('W');
    String k = d.field('K');
    return k.isEmpty() ? w : w + "\n\n" + k;
  }

  /** Indexes through Backfile into a temporary folder; rankings are computed before it is removed. */
  private static Function<String, List<String>> backfileRanker(SmartCollection c) throws IOException {
    Path dir = Files.createTempDirectory("backfile-eval-search");
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      for (SmartCollection.Doc d : c.docs()) {
        List<String> authors = d.field('A').lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        index.put(new Article("smart:" + d.id(), d.id(), title(d), authors, null, null, null,
            List.of(), null, "en", null, body(d), "text/plain", List.of(), null));
      }
      index.refreshNow();
      LuceneArchiveSearch search = new LuceneArchiveSearch(index);
      for (String q : c.judgedQueries()) {
        String text = c.queries().get(q);
        rankings.put(text, search.rank(text, DEPTH).stream().map(RankedHit::id).toList());
      }
    } finally {
      deleteTree(dir);
    }
    return rankings::get;
  }

  private static Function<String, List<String>> baselineRanker(SmartCollection c) throws IOException {
    StandardAnalyzer analyzer = new StandardAnalyzer();
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (SmartCollection.Doc d : c.docs()) {
          Document doc = new Document();
          doc.add(new StringField("id", d.id(), Field.Store.YES));
          doc.add(new TextField("text", title(d) + "\n\n" + body(d), Field.Store.NO));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryParser parser = new QueryParser("text", analyzer);
        for (String q : c.judgedQueries()) {
          String text = c.queries().get(q);
          List<String> ids = new ArrayList<>();
          try {
            for (ScoreDoc sd : searcher.search(parser.parse(QueryParser.escape(text)), DEPTH).scoreDocs) {
              ids.add(searcher.storedFields().document(sd.doc).get("id"));
            }
          } catch (ParseException e) {
            throw new IOException("baseline cannot parse query " + q, e);
          }
          rankings.put(text, ids);
        }
      }
    }
    return rankings::get;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
