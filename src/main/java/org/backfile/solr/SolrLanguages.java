package org.backfile.solr;

import com.google.gson.JsonObject;
import java.util.List;
import org.backfile.index.ArticleSchema;

/**
 * The language fields the collection holds, for the query parser (as the embedded backend asks its
 * index reader). Asked again at most every few seconds: languages come and go only with imports.
 */
final class SolrLanguages {

  private static final long KEEP_NANOS = 5_000_000_000L;

  private record Known(List<String> fields, long at) {}

  private final SolrCollection solr;
  private volatile Known known;

  SolrLanguages(SolrCollection solr) {
    this.solr = solr;
  }

  List<String> fields() {
    Known k = known;
    if (k == null || System.nanoTime() - k.at() > KEEP_NANOS) {
      JsonObject f = new JsonObject();
      f.add(ArticleSchema.LANGUAGE, SolrFacets.terms(ArticleSchema.LANGUAGE, -1, null));
      JsonObject r = solr.select(SolrParams.of("q", "*:*", "rows", "0", "json.facet", f.toString()));
      k = new Known(SolrArchiveSearch.languageFields(SolrFacets.counts(r, ArticleSchema.LANGUAGE)), System.nanoTime());
      known = k;
    }
    return k.fields();
  }
}
