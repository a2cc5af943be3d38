package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.backfile.index.ArticleSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LikeTerms against Lucene's MoreLikeThis, whose choice of terms and weights it must repeat. */
class LikeTermsTest {

  private static Directory dir;
  private static DirectoryReader reader;
  private static final List<String[]> texts = new ArrayList<>();

  /** Real texts of the test fixtures, line by line, in three segments, one paragraph deleted. */
  @BeforeAll
  static void index() throws IOException, URISyntaxException {
    Path fixtures = Path.of(LikeTermsTest.class.getResource("/fixtures").toURI());
    List<Path> files;
    try (Stream<Path> all = Files.walk(fixtures)) {
      files = all.filter(p -> p.toString().endsWith(".txt") || p.getParent().endsWith("rec.autos"))
          .filter(Files::isRegularFile).sorted().toList();
    }
    List<String> lines = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        if (!line.isBlank()) lines.add(line.strip());
      }
    }
    // A line for the title and the next two for the body: neighbours share words.
    for (int i = 0; i < lines.size(); i++) {
      texts.add(new String[] {lines.get(i), lines.get((i + 1) % lines.size()) + "\n" + lines.get((i + 2) % lines.size())});
    }
    dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (int i = 0; i < texts.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField(ArticleSchema.ID, "p" + i, Field.Store.NO));
        doc.add(new TextField(ArticleSchema.TITLE, texts.get(i)[0], Field.Store.NO));
        doc.add(new TextField(ArticleSchema.BODY, texts.get(i)[1], Field.Store.NO));
        writer.addDocument(doc);
        if (i % (texts.size() / 3) == 0) writer.flush();
      }
      writer.deleteDocuments(new Term(ArticleSchema.ID, "p1"));
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void choosesAndWeighsTheTermsMoreLikeThisDoes() throws IOException {
    assertTrue(reader.leaves().size() >= 3, "segments: " + reader.leaves().size());
    assertTrue(texts.size() >= 30, "paragraphs: " + texts.size());
    for (int maxTerms : new int[] {3, 20}) {
      for (String[] text : texts) {
        for (int f = 0; f < 2; f++) {
          String field = f == 0 ? ArticleSchema.TITLE : ArticleSchema.BODY;
          BooleanQuery.Builder ours = new BooleanQuery.Builder();
          new LikeTerms(reader, new DocFreqCache(), ArticleSchema.analyzer(), maxTerms, 2, 3).addTo(ours, field, text[f]);
          // Same terms, weights and order (lowest first), so the same float sums as before.
          assertEquals(moreLikeThis(maxTerms, field, text[f]).clauses(), ours.build().clauses(), field + ": " + text[f]);
        }
      }
    }
  }

  @Test
  void termQueriesCarryTheStatisticsTheSearchWouldLookUp() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    String[] text = texts.get(0);
    new LikeTerms(reader, new DocFreqCache(), ArticleSchema.analyzer(), 20, 2, 3).addTo(like, ArticleSchema.BODY, text[1]);
    BooleanQuery query = like.build();
    assertTrue(query.clauses().size() > 3, query.toString());
    for (BooleanClause clause : query.clauses()) {
      TermQuery term = (TermQuery) ((BoostQuery) clause.query()).getQuery();
      assertTrue(term.getTermStates().wasBuiltFor(searcher.getTopReaderContext()));
      assertEquals(reader.docFreq(term.getTerm()), term.getTermStates().docFreq(), term.toString());
      assertEquals(reader.totalTermFreq(term.getTerm()), term.getTermStates().totalTermFreq(), term.toString());
    }
    // The same hits and scores as the query with terms looked up by the search.
    TopDocs prebuilt = searcher.search(query, 10);
    TopDocs plain = searcher.search(moreLikeThis(20, ArticleSchema.BODY, text[1]), 10);
    assertEquals(plain.scoreDocs.length, prebuilt.scoreDocs.length);
    for (int i = 0; i < plain.scoreDocs.length; i++) {
      assertEquals(plain.scoreDocs[i].doc, prebuilt.scoreDocs[i].doc);
      assertEquals(plain.scoreDocs[i].score, prebuilt.scoreDocs[i].score);
    }
  }

  @Test
  void rememberedFrequenciesGiveTheSameQueryAsLookedUpOnes() throws IOException {
    DocFreqCache cache = new DocFreqCache();
    for (int pass = 0; pass < 2; pass++) {
      for (String[] text : texts) {
        BooleanQuery.Builder ours = new BooleanQuery.Builder();
        new LikeTerms(reader, cache, ArticleSchema.analyzer(), 20, 2, 3).addTo(ours, ArticleSchema.BODY, text[1]);
        BooleanQuery query = ours.build();
        assertEquals(moreLikeThis(20, ArticleSchema.BODY, text[1]).clauses(), query.clauses(), text[1]);
        for (BooleanClause clause : query.clauses()) {
          TermQuery term = (TermQuery) ((BoostQuery) clause.query()).getQuery();
          assertEquals(reader.totalTermFreq(term.getTerm()), term.getTermStates().totalTermFreq(), term.toString());
          assertEquals(reader.docFreq(term.getTerm()), cache.field(reader, ArticleSchema.BODY).get(term.getTerm().text()));
        }
      }
    }
    assertEquals(-1, cache.field(reader, ArticleSchema.BODY).get("zzyzx"), "never sought, so not remembered");
  }

  @Test
  void cacheKeepsAtMostItsLimitAndStartsAfreshForANewReader() throws IOException {
    DocFreqCache cache = new DocFreqCache(5);
    BooleanQuery.Builder ours = new BooleanQuery.Builder();
    new LikeTerms(reader, cache, ArticleSchema.analyzer(), 20, 2, 3).addTo(ours, ArticleSchema.BODY, texts.get(0)[1]);
    assertEquals(moreLikeThis(20, ArticleSchema.BODY, texts.get(0)[1]).clauses(), ours.build().clauses());
    assertEquals(5, cache.field(reader, ArticleSchema.BODY).docFreqs().size());
    try (DirectoryReader other = DirectoryReader.open(dir)) {
      assertEquals(0, cache.field(other, ArticleSchema.BODY).docFreqs().size());
    }
  }

  @Test
  void emptyTextAddsNothing() throws IOException {
    BooleanQuery.Builder like = new BooleanQuery.Builder();
    new LikeTerms(reader, new DocFreqCache(), ArticleSchema.analyzer(), 20, 2, 3).addTo(like, ArticleSchema.BODY, "a an of");
    assertEquals(0, like.build().clauses().size());
  }

  private static BooleanQuery moreLikeThis(int maxTerms, String field, String text) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(ArticleSchema.analyzer());
    mlt.setFieldNames(new String[] {field});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(maxTerms);
    mlt.setBoost(true);
    return (BooleanQuery) mlt.like(field, new StringReader(text));
  }
}
