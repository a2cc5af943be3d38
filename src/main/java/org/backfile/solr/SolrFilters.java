package org.backfile.solr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.backfile.index.ArticleSchema;
import org.backfile.search.SearchRequest;

/**
 * A request's filters as Solr filter queries, each tagged with the facet dimension it restricts so
 * that the dimension's counts can leave it out (drill-sideways, Solr's {@code excludeTags}).
 */
final class SolrFilters {

  private SolrFilters() {}

  static List<String> of(SearchRequest r) {
    List<String> fq = new ArrayList<>();
    term(fq, ArticleSchema.FACET_AUTHOR, ArticleSchema.AUTHOR, r.author());
    term(fq, ArticleSchema.FACET_SECTION, ArticleSchema.SECTION, r.section());
    term(fq, ArticleSchema.FACET_PUBLICATION, ArticleSchema.PUBLICATION, r.publication());
    term(fq, ArticleSchema.FACET_LANGUAGE, ArticleSchema.LANGUAGE, r.language());
    term(fq, ArticleSchema.FACET_FORMAT, ArticleSchema.CONTENT_TYPE, r.format());
    term(fq, ArticleSchema.FACET_TAG, ArticleSchema.TAG, r.tag());
    if (r.undated()) {
      fq.add(tag(ArticleSchema.FACET_YEAR) + SolrQuerySyntax.term(ArticleSchema.DATED, "no"));
    } else if (r.from() != null || r.to() != null) {
      LocalDate from = r.from() == null ? LocalDate.of(1, 1, 1) : r.from().start();
      LocalDate to = r.to() == null ? LocalDate.of(9999, 12, 31) : r.to().end();
      fq.add(tag(ArticleSchema.FACET_YEAR) + within(from, to));
    }
    return fq;
  }

  /** Articles whose whole date (every day it may stand for) lies between two days. */
  static String within(LocalDate from, LocalDate to) {
    return "+" + ArticleSchema.PUBLISHED_START + ":[" + from.toEpochDay() + " TO *] +"
        + ArticleSchema.PUBLISHED_END + ":[* TO " + to.toEpochDay() + "]";
  }

  private static void term(List<String> fq, String dimension, String field, String value) {
    if (value != null) fq.add(tag(dimension) + SolrQuerySyntax.term(field, value));
  }

  private static String tag(String dimension) {
    return "{!tag=" + dimension + "}";
  }
}
