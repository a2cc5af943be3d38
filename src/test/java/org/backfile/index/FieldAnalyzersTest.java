package org.backfile.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** One shared analyser: each field analysed as before, from any thread. */
class FieldAnalyzersTest {

  private static List<String> terms(Analyzer analyzer, String field, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  @Test
  void eachFieldHasItsAnalysis() throws Exception {
    Analyzer a = ArticleSchema.analyzer();
    assertSame(a, ArticleSchema.analyzer());
    assertEquals(List.of("the", "organ", "committe"), terms(a, ArticleSchema.BODY, "The organizing committees"));
    assertEquals(List.of("the", "organizing", "committees"), terms(a, ArticleSchema.BODY_EXACT, "The organizing committees"));
    assertEquals(List.of("alt", "haus"), terms(a, ArticleSchema.BODY + "_de", "Die alten Häuser"));
    assertEquals(List.of("maison", "ancien"), terms(a, ArticleSchema.BODY + "_fr", "Les maisons anciennes"));
    // An unknown language's field falls back to the stemmed default.
    assertEquals(terms(a, ArticleSchema.BODY, "organizing houses"), terms(a, ArticleSchema.BODY + "_xx", "organizing houses"));
  }

  @Test
  void threadsShareItWithoutMixingTheirTokenStreams() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String field = i % 2 == 0 ? ArticleSchema.BODY : ArticleSchema.BODY + "_de";
        String text = i % 2 == 0 ? "Running dogs " + i : "Laufende Hunde " + i;
        results.add(pool.submit(() -> terms(ArticleSchema.analyzer(), field, text)));
      }
      for (int i = 0; i < results.size(); i++) {
        List<String> expected = i % 2 == 0 ? List.of("run", "dog", String.valueOf(i)) : List.of("laufend", "hund", String.valueOf(i));
        assertEquals(expected, results.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
