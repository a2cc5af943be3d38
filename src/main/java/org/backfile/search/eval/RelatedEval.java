package org.backfile.search.eval;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.search.RelatedArticle;

/**
 * {@code backfile eval related NEWS.tar.gz}: for a fixed sample of posts (seeded), the share of the
 * first five related posts that come from the same newsgroup, for Backfile's "related" and for
 * Lucene's MoreLikeThis with its defaults (StandardAnalyzer, title and body), in one run. A slot
 * left empty (Backfile's score floor can return fewer than five) counts as a miss.
 */
public final class RelatedEval {

  static final int SAMPLE = 500;
  static final long SEED = 42;
  static final int K = 5;

  private RelatedEval() {}

  public static int run(Path corpus, PrintStream out, boolean json) {
    List<NewsgroupPosts.Post> posts;
    try {
      posts = NewsgroupPosts.read(corpus);
    } catch (IOException e) {
      out.println("cannot read " + corpus + ": " + e.getMessage());
      return 2;
    }
    if (posts.isEmpty()) {
      out.println("no posts in " + corpus);
      return 2;
    }
    Map<String, String> groupOf = new HashMap<>();
    for (NewsgroupPosts.Post p : posts) groupOf.put(p.id(), p.group());
    List<NewsgroupPosts.Post> sample = sample(posts);
    try {
      long t0 = System.nanoTime();
      double backfile = backfile(posts, sample, groupOf);
      long t1 = System.nanoTime();
      double mlt = moreLikeThis(posts, sample, groupOf);
      long t2 = System.nanoTime();
      out.printf(Locale.ROOT, "%s: %d posts, %d groups, sample of %d (seed %d)%n", corpus.getFileName(),
          posts.size(), groupOf.values().stream().distinct().count(), sample.size(), SEED);
      out.printf(Locale.ROOT, "%-9s %7s %7s%n", "system", "P@5", "secs");
      out.printf(Locale.ROOT, "%-9s %7.4f %7.1f%n", "backfile", backfile, (t1 - t0) / 1e9);
      out.printf(Locale.ROOT, "%-9s %7.4f %7.1f%n", "mlt", mlt, (t2 - t1) / 1e9);
      out.printf(Locale.ROOT, "%-9s %7.3f%n", "ratio", backfile / mlt);
      if (json) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        result.put("backfile", Map.of("p5", backfile));
        result.put("mlt", Map.of("p5", mlt));
        out.println(new Gson().toJson(result));
      }
      return 0;
    } catch (IOException e) {
      out.println("evaluation failed: " + e.getMessage());
      return 1;
    }
  }

  /** The same posts every run: a seeded shuffle of the posts in archive order. */
  static List<NewsgroupPosts.Post> sample(List<NewsgroupPosts.Post> posts) {
    List<NewsgroupPosts.Post> shuffled = new ArrayList<>(posts);
    Collections.shuffle(shuffled, new Random(SEED));
    return shuffled.subList(0, Math.min(SAMPLE, shuffled.size()));
  }

  static Article toArticle(NewsgroupPosts.Post p) {
    List<String> authors = p.from().isEmpty() ? List.of() : List.of(p.from());
    return new Article("news:" + p.id(), p.id(), p.subject(), authors, null, null, p.group(),
        List.of(), null, "en", null, p.body(), "text/plain", List.of(), null);
  }

  private static double backfile(List<NewsgroupPosts.Post> posts, List<NewsgroupPosts.Post> sample,
      Map<String, String> groupOf) throws IOException {
    Path dir = Files.createTempDirectory("backfile-eval-related");
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      for (NewsgroupPosts.Post p : posts) index.put(toArticle(p));
      index.refreshNow();
      LuceneArchiveSearch search = new LuceneArchiveSearch(index);
      double sum = 0;
      for (NewsgroupPosts.Post p : sample) {
        Optional<List<RelatedArticle>> related = search.related(p.id(), K);
        List<String> ids = related.orElse(List.of()).stream().map(RelatedArticle::id).toList();
        sum += sameGroup(p, ids, groupOf);
      }
      return sum / sample.size();
    } finally {
      SearchEval.deleteTree(dir);
    }
  }

  private static double moreLikeThis(List<NewsgroupPosts.Post> posts, List<NewsgroupPosts.Post> sample,
      Map<String, String> groupOf) throws IOException {
    StandardAnalyzer analyzer = new StandardAnalyzer();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (NewsgroupPosts.Post p : posts) {
          Document doc = new Document();
          doc.add(new StringField("id", p.id(), Field.Store.YES));
          doc.add(new TextField("title", p.subject(), Field.Store.YES));
          doc.add(new TextField("body", p.body(), Field.Store.YES));
          w.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setFieldNames(new String[] {"title", "body"});
        mlt.setAnalyzer(analyzer);
        double sum = 0;
        for (NewsgroupPosts.Post p : sample) {
          ScoreDoc[] self = searcher.search(new TermQuery(new Term("id", p.id())), 1).scoreDocs;
          BooleanQuery q = new BooleanQuery.Builder()
              .add(mlt.like(self[0].doc), BooleanClause.Occur.SHOULD)
              .add(new TermQuery(new Term("id", p.id())), BooleanClause.Occur.MUST_NOT)
              .build();
          List<String> ids = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(q, K).scoreDocs) {
            ids.add(searcher.storedFields().document(sd.doc).get("id"));
          }
          sum += sameGroup(p, ids, groupOf);
        }
        return sum / sample.size();
      }
    }
  }

  /** Share of the K slots filled by posts of the same group. */
  static double sameGroup(NewsgroupPosts.Post p, List<String> ids, Map<String, String> groupOf) {
    int same = 0;
    for (int i = 0; i < Math.min(K, ids.size()); i++) {
      if (p.group().equals(groupOf.get(ids.get(i)))) same++;
    }
    return (double) same / K;
  }
}
