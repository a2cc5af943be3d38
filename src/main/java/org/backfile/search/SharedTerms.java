package org.backfile.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.backfile.index.ArticleAnalyzer;

/**
 * Why a related article was chosen: the weightiest "more like this" terms it shares with the
 * article, shown as the words the article itself uses ("beekeeping", not the stem "beekeep").
 */
final class SharedTerms {

  private static final int MAX_SHOWN = 5;

  /** Query terms, weightiest first. */
  private final List<Term> terms = new ArrayList<>();
  /** Stem → the first word of the article with that stem. */
  private final Map<String, String> surface = new HashMap<>();

  SharedTerms(Query like, Article article) {
    Map<Term, Float> weights = new LinkedHashMap<>();
    collect(like, 1f, weights);
    weights.entrySet().stream()
        .sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
        .forEach(e -> { if (!terms.contains(e.getKey())) terms.add(e.getKey()); });
    mapSurfaceForms(article.title() + "\n" + article.body());
  }

  /** The shared terms present in a hit, weightiest first. */
  List<String> in(IndexReader reader, int doc) {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    List<String> out = new ArrayList<>();
    try {
      for (Term t : terms) {
        PostingsEnum postings = leaf.reader().postings(t, PostingsEnum.NONE);
        if (postings != null && postings.advance(local) == local) {
          String word = surface.getOrDefault(t.text(), t.text());
          if (!out.contains(word)) out.add(word);
          if (out.size() == MAX_SHOWN) break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void collect(Query q, float boost, Map<Term, Float> out) {
    if (q instanceof BoostQuery b) {
      collect(b.getQuery(), boost * b.getBoost(), out);
    } else if (q instanceof TermQuery t) {
      out.merge(t.getTerm(), boost, Float::sum);
    } else if (q instanceof BooleanQuery bool) {
      for (BooleanClause c : bool.clauses()) collect(c.query(), boost, out);
    }
  }

  private void mapSurfaceForms(String text) {
    Analyzer plain = new ArticleAnalyzer(false);
    Analyzer stemmed = new ArticleAnalyzer(true);
    try (TokenStream words = plain.tokenStream(ArticleSchema.BODY, text)) {
      CharTermAttribute term = words.addAttribute(CharTermAttribute.class);
      words.reset();
      Map<String, Boolean> seen = new HashMap<>();
      while (words.incrementToken()) {
        String word = term.toString();
        if (seen.putIfAbsent(word, true) != null) continue;
        String stem = stem(stemmed, word);
        surface.putIfAbsent(stem, word);
      }
      words.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stem(Analyzer stemmed, String word) throws IOException {
    try (TokenStream ts = stemmed.tokenStream(ArticleSchema.BODY, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out;
    }
  }
}
