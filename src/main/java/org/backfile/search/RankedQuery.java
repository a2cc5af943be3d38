package org.backfile.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArticleSchema;

/**
 * Ranked retrieval for free text such as a question or a paragraph: any analysed word may match
 * (OR), each word searched in title and body with BM25, weighted by how often the text
 * repeats it. English function words ("the", "of", "which") are left out: they carry no topic and
 * would otherwise match nearly every article. (A cut-off by document frequency was tried too: it
 * changed nothing on CACM and emptied queries on small archives, so it went.)
 */
final class RankedQuery {

  /**
   * Title and body count alike here: a long text's words say what an article is about, not what
   * its headline says (on CACM a title boost of 2 cost 9% MAP against none).
   */
  static final float TITLE_BOOST = 1.0f;
  private static final Analyzer ANALYZER = ArticleSchema.analyzer();
  private static final Set<String> STOP_STEMS = stems(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

  private RankedQuery() {}

  /** The words of a text, analysed as the body is, with how often each occurs; in text order. */
  static Map<String, Integer> terms(String text) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream ts = ANALYZER.tokenStream(ArticleSchema.BODY, new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) counts.merge(term.toString(), 1, Integer::sum);
      ts.end();
    }
    return counts;
  }

  /** The words worth ranking by, with their weights; falls back to every word if none is. */
  static Map<String, Float> weights(String text) throws IOException {
    Map<String, Integer> counts = terms(text);
    Map<String, Float> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String t = e.getKey();
      if (!informative(t)) continue;
      kept.put(t, e.getValue().floatValue());
    }
    if (kept.isEmpty()) counts.forEach((t, n) -> kept.put(t, n.floatValue()));
    return kept;
  }

  /** False for English function words. */
  static boolean informative(String term) {
    return !STOP_STEMS.contains(term);
  }

  static Query build(String text) throws IOException {
    return of(weights(text));
  }

  /** OR of weighted words, each over title and body. */
  static Query of(Map<String, Float> weights) {
    if (weights.isEmpty()) return new MatchNoDocsQuery("no words to search");
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> e : weights.entrySet()) {
      Query word = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(ArticleSchema.TITLE, e.getKey())), TITLE_BOOST),
              BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(ArticleSchema.BODY, e.getKey())), BooleanClause.Occur.SHOULD)
          .build();
      b.add(new BoostQuery(word, e.getValue()), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static Set<String> stems(Set<?> words) {
    Set<String> out = new HashSet<>();
    for (Object w : words) {
      String s = w instanceof char[] c ? new String(c) : w.toString();
      try {
        out.addAll(terms(s).keySet());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
