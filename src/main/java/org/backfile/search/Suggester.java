package org.backfile.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;

/**
 * Completions as a reader types: author names any of whose words start with the last word typed
 * (most prolific first), then titles holding every word typed, the last one as a prefix.
 */
final class Suggester {

  private static final int MIN_PREFIX = 2;

  private Suggester() {}

  static List<Suggestion> suggest(IndexSearcher searcher, List<LabelAndValue> authors, String typed, int size)
      throws IOException {
    String text = fold(typed.strip());
    if (text.length() < MIN_PREFIX) return List.of();
    List<Suggestion> out = new ArrayList<>();
    for (LabelAndValue author : authors) {
      if (out.size() >= Math.max(1, size / 2)) break;
      String name = fold(author.label);
      if (name.startsWith(text) || name.contains(" " + text)) out.add(new Suggestion("author", author.label, null));
    }
    List<String> words = List.of(text.split("[^\\p{L}\\p{N}]+"));
    if (words.isEmpty() || words.get(words.size() - 1).isEmpty()) return out;
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (int i = 0; i < words.size() - 1; i++) {
      if (!words.get(i).isEmpty()) q.add(inTitleOrBody(words.get(i), false), BooleanClause.Occur.FILTER);
    }
    String last = words.get(words.size() - 1);
    q.add(inTitleOrBody(last, true), BooleanClause.Occur.FILTER);
    // Prefer titles that hold the words themselves.
    q.add(new PrefixQuery(new Term(ArticleSchema.TITLE, last)), BooleanClause.Occur.SHOULD);
    Set<String> seen = new LinkedHashSet<>();
    for (ScoreDoc sd : searcher.search(q.build(), size * 3).scoreDocs) {
      if (out.size() >= size) break;
      Article a = ArticleSchema.toListedArticle(searcher.storedFields(), sd.doc);
      if (fold(a.title()).contains(last) && seen.add(a.title())) out.add(new Suggestion("title", a.title(), a.id()));
    }
    return out;
  }

  /** The word (or prefix) as written, in the title or the body: the unstemmed phrase fields. */
  private static BooleanQuery inTitleOrBody(String word, boolean prefix) {
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    for (String field : List.of(ArticleSchema.TITLE_EXACT, ArticleSchema.BODY_EXACT)) {
      Term t = new Term(field, word);
      either.add(prefix ? new PrefixQuery(t) : new TermQuery(t), BooleanClause.Occur.SHOULD);
    }
    return either.build();
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
