package org.backfile.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class BodyTokensTest {

  private static final String TEXT = "The Mayor's café reopened: 42 tables, naïve décor, e-mail bookings at "
      + "info@example.org — \"organizing committees\" met the organized committee's members. "
      + "x".repeat(300) + " Ünïcödé ÆSIR straße";

  /** Each token as term/increment, so a shifted position shows. */
  private static List<String> tokens(TokenStream ts) throws Exception {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term + "/" + inc.getPositionIncrement());
      ts.end();
    }
    return out;
  }

  @Test
  void replaysExactlyWhatEachBodyFieldsAnalyserGives() throws Exception {
    Analyzer analyzer = ArticleSchema.analyzer();
    BodyTokens words = BodyTokens.of(TEXT);
    List<String> stemmed = tokens(analyzer.tokenStream(ArticleSchema.BODY, TEXT));
    List<String> exact = tokens(analyzer.tokenStream(ArticleSchema.BODY_EXACT, TEXT));
    assertEquals(stemmed, tokens(words.stemmed()));
    assertEquals(exact, tokens(words.unstemmed()));
    assertEquals(List.of("the/1", "mayor/1", "cafe/1"), exact.subList(0, 3));
    assertEquals("organ/1", stemmed.get(exact.indexOf("organizing/1")));
  }
}
