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

  private final SolrCollection solr;

  SolrSpelling(SolrCollection solr) {
    this.solr = solr;
  }

  String didYouMean(SearchRequest request, long total) {
    List<String> words = Spelling.words(request.query());
    Map<String, String> better = words.isEmpty() ? Map.of() : respellings(words);
    String respelt = Spelling.query(request.query(), better::get);
    if (request.author() != null && count(SolrQuerySyntax.term(ArticleSchema.AUTHOR, request.author())) == 0) {
      List<String> names = new SolrArchiveSearch(solr).authors().stream().map(a -> a.name()).toList();
      String author = Spelling.author(request.author(), names);
      if (author != null) {
        String text = respelt == null ? request.query() : respelt;
        String byAuthor = "author:\"" + author + "\"";
        return text.isBlank() ? byAuthor : text + " " + byAuthor;
      }
    }
    return respelt;
  }

  private Map<String, String> respellings(List<String> words) {
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "rows", "0", "spellcheck", "true",
        "spellcheck.q", String.join(" ", words), "spellcheck.count", "1",
        "spellcheck.onlyMorePopular", "true", "spellcheck.collate", "false"));
    Map<String, String> out = new HashMap<>();
    JsonObject spellcheck = r.getAsJsonObject("spellcheck");
    if (spellcheck == null || !spellcheck.has("suggestions")) return out;
    // Solr lists suggestions as [word, {suggestion: [...]}, word, {...}, ...].
    JsonArray list = spellcheck.getAsJsonArray("suggestions");
    for (int i = 0; i + 1 < list.size(); i += 2) {
      JsonElement s = list.get(i + 1).getAsJsonObject().get("suggestion");
      if (s == null || !s.isJsonArray() || s.getAsJsonArray().isEmpty()) continue;
      JsonElement first = s.getAsJsonArray().get(0);
      out.put(list.get(i).getAsString(), first.isJsonObject() ? first.getAsJsonObject().get("word").getAsString()
          : first.getAsString());
    }
    return out;
  }

  private long count(String q) {
    return SolrArchiveSearch.numFound(solr.select(SolrParams.of("q", q, "rows", "0")));
  }
}
