package org.backfile.solr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.backfile.index.ArticleAnalyzer;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.backfile.search.RelatedArticle;

/**
 * "More like this" on Solr: Solr's MoreLikeThis query parser ({@code {!mlt}}, which works across
 * shards) picks the article's most distinctive title and body terms (tf·idf) with the embedded
 * backend's settings; the article's own copies are left out, each other group is shown once, and a
 * hit must score at least a share of the article's own score against those terms, so an article
 * without real neighbours gets an empty sidebar. {@code because} lists the weightiest of those terms
 * that the hit holds, as the words the article itself uses.
 */
final class SolrRelated {

  private static final int MAX_QUERY_TERMS = 30;
  private static final float MIN_SHARE_OF_SELF = 0.08f;
  private static final int MAX_SHOWN = 5;
  /** One weighted term of a parsed query: {@code body:train^3.59}. */
  private static final Pattern TERM = Pattern.compile("(?:^|[\\s(+])([a-z_]+):(\\S+?)\\^([0-9.Ee-]+)(?=[\\s)])");

  private final SolrCollection solr;

  SolrRelated(SolrCollection solr) {
    this.solr = solr;
  }

  List<RelatedArticle> find(Article article, String ownGroup, int size) {
    String mlt = "{!mlt qf=" + ArticleSchema.TITLE + "," + ArticleSchema.BODY
        + " mintf=1 mindf=2 minwl=3 maxqt=" + MAX_QUERY_TERMS + " boost=true}" + article.id();
    SolrParams params = SolrParams.of("q", mlt, "rows", Integer.toString(size * 3), "debug", "query",
        "fl", SolrDocuments.SUMMARY_FIELDS + "," + ArticleSchema.BODY + "," + ArticleSchema.DUP_GROUP + ",score");
    if (ownGroup != null) params.add("fq", "-" + SolrQuerySyntax.term(ArticleSchema.DUP_GROUP, ownGroup));
    JsonObject r = solr.select(params);
    Map<String, Float> terms = terms(r);
    float self = selfScore(article.id(), terms);
    Map<String, String> surface = surfaceForms(article.title() + "\n" + article.body());
    List<RelatedArticle> out = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    for (JsonElement e : SolrArchiveSearch.docs(r)) {
      if (out.size() == size) break;
      JsonObject d = e.getAsJsonObject();
      float score = d.get("score").getAsFloat();
      String id = SolrDocuments.string(d, ArticleSchema.ID);
      if (id.equals(article.id()) || (self > 0 && score < self * MIN_SHARE_OF_SELF)) continue;
      String group = SolrDocuments.string(d, ArticleSchema.DUP_GROUP);
      if (group != null && !groups.add(group)) continue;
      String published = SolrDocuments.string(d, ArticleSchema.PUBLISHED);
      out.add(new RelatedArticle(id, SolrDocuments.string(d, ArticleSchema.TITLE),
          SolrDocuments.string(d, ArticleSchema.SUMMARY), published == null ? null : PartialDate.parse(published),
          score, because(terms, surface, SolrDocuments.string(d, ArticleSchema.TITLE) + "\n"
              + SolrDocuments.string(d, ArticleSchema.BODY))));
    }
    return out;
  }

  /** The terms MoreLikeThis chose ({@code field:term} → weight), weightiest first. */
  static Map<String, Float> terms(JsonObject response) {
    Map<String, Float> weights = new HashMap<>();
    JsonObject debug = response.getAsJsonObject("debug");
    JsonElement parsed = debug == null ? null : debug.get("parsedquery");
    if (parsed == null) return weights;
    // Each shard parses the query with its own term statistics; the first one speaks for all.
    String text = parsed.isJsonArray() ? ((JsonArray) parsed).get(0).getAsString() : parsed.getAsString();
    Matcher m = TERM.matcher(text);
    while (m.find()) weights.merge(m.group(1) + ":" + m.group(2), Float.parseFloat(m.group(3)), Float::sum);
    Map<String, Float> sorted = new LinkedHashMap<>();
    weights.entrySet().stream().sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The article's own score against its terms: the best a neighbour could do. */
  private float selfScore(String id, Map<String, Float> terms) {
    if (terms.isEmpty()) return 0f;
    StringBuilder q = new StringBuilder();
    terms.forEach((fieldTerm, weight) -> {
      int colon = fieldTerm.indexOf(':');
      q.append(SolrQuerySyntax.term(fieldTerm.substring(0, colon), fieldTerm.substring(colon + 1)))
          .append('^').append(weight).append(' ');
    });
    JsonArray docs = SolrArchiveSearch.docs(solr.select(SolrParams.of("q", q.toString().strip(),
        "fq", SolrQuerySyntax.term(ArticleSchema.ID, id), "fl", "score", "rows", "1")));
    return docs.isEmpty() ? 0f : docs.get(0).getAsJsonObject().get("score").getAsFloat();
  }

  private static List<String> because(Map<String, Float> terms, Map<String, String> surface, String hitText) {
    Set<String> stems = new HashSet<>(tokens(new ArticleAnalyzer(true), hitText));
    List<String> out = new ArrayList<>();
    for (String fieldTerm : terms.keySet()) {
      String stem = fieldTerm.substring(fieldTerm.indexOf(':') + 1);
      if (!stems.contains(stem)) continue;
      String word = surface.getOrDefault(stem, stem);
      if (!out.contains(word)) out.add(word);
      if (out.size() == MAX_SHOWN) break;
    }
    return out;
  }

  /** Stem → the first word of the text with that stem ("beekeeping", not "beekeep"). */
  private static Map<String, String> surfaceForms(String text) {
    Map<String, String> out = new HashMap<>();
    Analyzer stemmed = new ArticleAnalyzer(true);
    for (String word : new java.util.LinkedHashSet<>(tokens(new ArticleAnalyzer(false), text))) {
      List<String> stem = tokens(stemmed, word);
      out.putIfAbsent(stem.isEmpty() ? word : stem.get(0), word);
    }
    return out;
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(ArticleSchema.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
