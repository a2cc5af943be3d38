package org.backfile.solr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.backfile.index.ArticleSchema;
import org.backfile.search.AuthorCount;
import org.backfile.search.Suggestion;

/**
 * Completions as a reader types, by the embedded index's rules: author names any of whose words
 * start with the last word typed (most prolific first), then titles holding every word typed, the
 * last one as a prefix.
 */
final class SolrSuggester {

  private static final int MIN_PREFIX = 2;

  private final SolrCollection solr;

  SolrSuggester(SolrCollection solr) {
    this.solr = solr;
  }

  List<Suggestion> suggest(String typed, int size) {
    String text = fold(typed.strip());
    if (text.length() < MIN_PREFIX) return List.of();
    List<Suggestion> out = new ArrayList<>();
    for (AuthorCount author : new SolrArchiveSearch(solr).authors()) {
      if (out.size() >= Math.max(1, size / 2)) break;
      String name = fold(author.name());
      if (name.startsWith(text) || name.contains(" " + text)) out.add(new Suggestion("author", author.name(), null));
    }
    List<String> words = List.of(text.split("[^\\p{L}\\p{N}]+"));
    if (words.isEmpty() || words.get(words.size() - 1).isEmpty()) return out;
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < words.size() - 1; i++) {
      if (!words.get(i).isEmpty()) q.append("+filter(").append(SolrQuerySyntax.term(SolrDocuments.WORDS, words.get(i))).append(") ");
    }
    String last = words.get(words.size() - 1);
    String prefix = SolrQuerySyntax.escape(last) + "*";
    q.append("+filter(").append(SolrDocuments.WORDS).append(':').append(prefix).append(") ");
    // Prefer titles that hold the words themselves.
    q.append(ArticleSchema.TITLE).append(':').append(prefix);
    JsonArray docs = SolrArchiveSearch.docs(solr.select(SolrParams.of("q", q.toString(),
        "fl", ArticleSchema.ID + "," + ArticleSchema.TITLE, "rows", Integer.toString(size * 3),
        "sort", "score desc," + ArticleSchema.ID + " asc")));
    Set<String> seen = new LinkedHashSet<>();
    for (JsonElement d : docs) {
      if (out.size() >= size) break;
      String title = SolrDocuments.string(d.getAsJsonObject(), ArticleSchema.TITLE);
      String id = SolrDocuments.string(d.getAsJsonObject(), ArticleSchema.ID);
      if (title != null && fold(title).contains(last) && seen.add(title)) out.add(new Suggestion("title", title, id));
    }
    return out;
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
