package org.backfile.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A body's words as the unstemmed chain of {@link ArticleAnalyzer} gives them, worked out once and
 * replayed twice: as they are for {@link ArticleSchema#BODY_EXACT}, and through the Porter stemmer
 * for {@link ArticleSchema#BODY}. Tokenising, folding and lower-casing a body twice was a quarter
 * of an import's indexing time. The tokens are those the analyser would give each field (the
 * stemming analyser is the unstemmed chain plus {@link PorterStemFilter}), so queries, which go
 * through the analyser, still match.
 */
final class BodyTokens {

  private static final Analyzer UNSTEMMED = new ArticleAnalyzer(false);

  private String[] terms = new String[64];
  private int[] increments = new int[64];
  private int size;

  private BodyTokens() {}

  static BodyTokens of(String body) {
    BodyTokens tokens = new BodyTokens();
    try (TokenStream ts = UNSTEMMED.tokenStream(ArticleSchema.BODY_EXACT, body)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) tokens.add(term.toString(), increment.getPositionIncrement());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string cannot fail", e);
    }
    return tokens;
  }

  private void add(String term, int increment) {
    if (size == terms.length) {
      terms = Arrays.copyOf(terms, size * 2);
      increments = Arrays.copyOf(increments, size * 2);
    }
    terms[size] = term;
    increments[size] = increment;
    size++;
  }

  /** The words as written (case and diacritics folded). */
  TokenStream unstemmed() {
    return new Replay();
  }

  /** The words stemmed, as the body field's analyser gives them. */
  TokenStream stemmed() {
    return new PorterStemFilter(new Replay());
  }

  /** Plays the recorded tokens back; each field reads its own instance. */
  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private int next;

    @Override
    public boolean incrementToken() {
      if (next == size) return false;
      clearAttributes();
      term.setEmpty().append(terms[next]);
      increment.setPositionIncrement(increments[next]);
      next++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
