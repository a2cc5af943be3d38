package org.backfile.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.backfile.index.ArticleSchema;

/**
 * "Did you mean": respells the plain words of a query that finds little with words the index
 * itself holds (more often than the typed word), and an unknown author with the nearest author
 * name. Queries with syntax (fields, quotes, operators) are left alone.
 */
public final class Spelling {

  /** Below this many hits a query is worth a suggestion. */
  public static final long FEW_HITS = 3;
  /**
   * A word that this many articles hold is taken as meant, however large the archive (below it,
   * Lucene's and Solr's rule: more than one in a hundred articles). Looking for a more popular
   * spelling walks the whole vocabulary, and for the common words of a query that merely finds
   * little it only ever offered a near neighbour ("market" for "markets").
   */
  public static final int WORD_IN_USE = 50;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SYNTAX = Pattern.compile("[\":()\\[\\]{}*?~^+\\-]|\\b(AND|OR|NOT|TO)\\b");
  private static final float MIN_AUTHOR_SIMILARITY = 0.7f;

  private Spelling() {}

  /** A respelt query, or null when every word is fine or the query has syntax. */
  static String query(IndexReader reader, String query) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(0);
    checker.setMaxQueryFrequency(inUse(reader.numDocs()));
    return query(query, lower -> {
      try {
        SuggestWord s = best(checker, reader, lower);
        return s == null ? null : s.string;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The words of a query that a respelling may change (lower case, three letters or more). */
  public static List<String> words(String query) {
    if (query.isBlank() || SYNTAX.matcher(query).find()) return List.of();
    List<String> out = new java.util.ArrayList<>();
    Matcher m = WORD.matcher(query);
    while (m.find()) {
      String lower = m.group().toLowerCase(Locale.ROOT);
      if (lower.length() >= 3) out.add(lower);
    }
    return out;
  }

  /**
   * A respelt query, or null when every word is fine or the query has syntax. {@code respell}
   * gets each word of three letters or more in lower case and answers a more frequent spelling,
   * or null.
   */
  public static String query(String query, java.util.function.UnaryOperator<String> respell) {
    if (query.isBlank() || SYNTAX.matcher(query).find()) return null;
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(query);
    int last = 0;
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      out.append(query, last, m.start());
      String better = lower;
      if (lower.length() >= 3) {
        String s = respell.apply(lower);
        if (s != null) better = s;
      }
      changed |= !better.equals(lower);
      out.append(better.equals(lower) ? word : better);
      last = m.end();
    }
    out.append(query.substring(last));
    return changed ? out.toString() : null;
  }

  /**
   * The nearest more popular spelling among the words of titles and bodies as written (the
   * unstemmed phrase fields): the closer one, the more frequent on a tie.
   */
  private static SuggestWord best(DirectSpellChecker checker, IndexReader reader, String word) throws IOException {
    if (reader.docFreq(new Term(ArticleSchema.BODY_EXACT, word)) > checker.getMaxQueryFrequency()) return null;
    SuggestWord best = null;
    for (String field : List.of(ArticleSchema.BODY_EXACT, ArticleSchema.TITLE_EXACT)) {
      SuggestWord[] s = checker.suggestSimilar(new Term(field, word), 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
      if (s.length > 0 && (best == null || s[0].score > best.score || (s[0].score == best.score && s[0].freq > best.freq))) {
        best = s[0];
      }
    }
    return best;
  }

  /**
   * Above how many articles a word is not respelt, in an archive of {@code articles}: more than one
   * in a hundred, at most {@link #WORD_IN_USE}; at least 1 (as a count, not a fraction).
   */
  public static int inUse(long articles) {
    return (int) Math.max(1, Math.min(WORD_IN_USE, (articles + 99) / 100));
  }

  /**
   * What "did you mean" offers: the respelt words (or the query as typed) and, when the typed author
   * is unknown but one is near, that author; null when neither changed. Both backends word it so.
   */
  public static String suggestion(String query, String respelt, String nearestAuthor) {
    if (nearestAuthor == null) return respelt;
    String words = respelt == null ? query : respelt;
    String byAuthor = "author:\"" + nearestAuthor + "\"";
    return words.isBlank() ? byAuthor : words + " " + byAuthor;
  }

  /** The known author name nearest to a misspelt one, or null. */
  public static String author(String typed, List<String> known) {
    LevenshteinDistance distance = new LevenshteinDistance();
    String best = null;
    float bestScore = MIN_AUTHOR_SIMILARITY;
    String t = typed.toLowerCase(Locale.ROOT);
    for (String name : known) {
      float score = distance.getDistance(t, name.toLowerCase(Locale.ROOT));
      if (score > bestScore) {
        bestScore = score;
        best = name;
      }
    }
    return best;
  }
}
