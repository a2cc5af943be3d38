package org.backfile.solr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backfile.index.ArticleSchema;
import org.backfile.search.SearchRequest;
import org.backfile.search.Spelling;

/**
 * "Did you mean" on Solr: the same rules as the embedded index ({@link Spelling}), with the
 * respellings from Solr's spellcheck component over the {@code words} vocabulary (configured like
 * the embedded index's spell checker: more popular words only, two edits, no fixed prefix).
 */
final class SolrSpelling {

  /** The embedded spell checker's least similarity (Lucene's DirectSpellChecker default). */
  private static final float MIN_ACCURACY = 0.5f;

  private final SolrCollection solr;

  SolrSpelling(SolrCollection solr) {
    this.solr = solr;
  }

  String didYouMean(SearchRequest request, long total) {
    List<String> words = Spelling.words(request.query());
    Map<String, String> better = words.isEmpty() ? Map.of() : respellings(words);
    String respelt = Spelling.query(request.query(), better::get);
    String author = null;
    if (request.author() != null && count(SolrQuerySyntax.term(ArticleSchema.AUTHOR, request.author())) == 0) {
      List<String> names = new SolrArchiveSearch(solr).authors().stream().map(a -> a.name()).toList();
      author = Spelling.author(request.author(), names);
    }
    return Spelling.suggestion(request.query(), respelt, author);
  }

  private Map<String, String> respellings(List<String> words) {
    // Each shard offers its own candidates and Solr merges them by plain edit distance; ask for
    // several and rank them as the embedded spell checker does: fewest edits (a swap of two
    // letters is one), relative to the shorter word, then the most frequent.
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "rows", "0", "spellcheck", "true",
        "spellcheck.q", String.join(" ", words), "spellcheck.count", "10", "spellcheck.extendedResults", "true",
        "spellcheck.onlyMorePopular", "true", "spellcheck.collate", "false"));
    Map<String, String> out = new HashMap<>();
    // The spellcheck request matches every article, so its count says how large the archive is.
    int inUse = Spelling.inUse(SolrArchiveSearch.numFound(r));
    JsonObject spellcheck = r.getAsJsonObject("spellcheck");
    if (spellcheck == null || !spellcheck.has("suggestions")) return out;
    // Solr lists suggestions as [word, {suggestion: [{word, freq}, ...]}, word, {...}, ...].
    JsonArray list = spellcheck.getAsJsonArray("suggestions");
    for (int i = 0; i + 1 < list.size(); i += 2) {
      String typed = list.get(i).getAsString();
      JsonObject entry = list.get(i + 1).getAsJsonObject();
      JsonElement s = entry.get("suggestion");
      if (s == null || !s.isJsonArray()) continue;
      if (entry.has("origFreq") && entry.get("origFreq").getAsLong() > inUse) continue;
      String best = null;
      float bestScore = 0;
      long bestFreq = -1;
      for (JsonElement c : s.getAsJsonArray()) {
        JsonObject candidate = c.getAsJsonObject();
        String word = candidate.get("word").getAsString();
        long freq = candidate.get("freq").getAsLong();
        float score = 1f - (float) edits(typed, word) / Math.min(typed.length(), word.length());
        if (score < MIN_ACCURACY) continue;
        if (best == null || score > bestScore || (score == bestScore && freq > bestFreq)) {
          best = word;
          bestScore = score;
          bestFreq = freq;
        }
      }
      if (best != null) out.put(typed, best);
    }
    return out;
  }

  /** Edits between two words: insertions, deletions, substitutions and swaps of neighbours. */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private long count(String q) {
    return SolrArchiveSearch.numFound(solr.select(SolrParams.of("q", q, "rows", "0")));
  }
}
