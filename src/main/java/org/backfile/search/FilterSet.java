package org.backfile.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArticleSchema;

/**
 * A request's filters, each under the facet dimension it restricts, so that a dimension's counts
 * can be taken with every filter but its own (drill-sideways).
 */
final class FilterSet {

  private final Map<String, Query> byDimension = new LinkedHashMap<>();

  FilterSet(SearchRequest r) {
    term(ArticleSchema.FACET_AUTHOR, ArticleSchema.AUTHOR, r.author());
    term(ArticleSchema.FACET_SECTION, ArticleSchema.SECTION, r.section());
    term(ArticleSchema.FACET_PUBLICATION, ArticleSchema.PUBLICATION, r.publication());
    term(ArticleSchema.FACET_LANGUAGE, ArticleSchema.LANGUAGE, r.language());
    term(ArticleSchema.FACET_FORMAT, ArticleSchema.CONTENT_TYPE, r.format());
    term(ArticleSchema.FACET_TAG, ArticleSchema.TAG, r.tag());
    if (r.undated()) {
      byDimension.put(ArticleSchema.FACET_YEAR, new TermQuery(new Term(ArticleSchema.DATED, "no")));
    } else if (r.from() != null || r.to() != null) {
      LocalDate from = r.from() == null ? LocalDate.of(1, 1, 1) : r.from().start();
      LocalDate to = r.to() == null ? LocalDate.of(9999, 12, 31) : r.to().end();
      byDimension.put(ArticleSchema.FACET_YEAR, within(from, to));
    }
  }

  boolean filters(String dimension) {
    return byDimension.containsKey(dimension)
        || (dimension.equals(ArticleSchema.FACET_MONTH) && byDimension.containsKey(ArticleSchema.FACET_YEAR));
  }

  /** The query with every filter applied. */
  Query apply(Query query) {
    return applyExcept(query, null);
  }

  /** The query with every filter but the one on {@code dimension}. */
  Query applyExcept(Query query, String dimension) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    byDimension.forEach((dim, filter) -> {
      if (!dim.equals(dimension)) b.add(filter, BooleanClause.Occur.FILTER);
    });
    return b.build();
  }

  /** Articles whose whole date (every day it may stand for) lies between two days. */
  static Query within(LocalDate from, LocalDate to) {
    return new BooleanQuery.Builder()
        .add(IntPoint.newRangeQuery(ArticleSchema.PUBLISHED_START, (int) from.toEpochDay(), Integer.MAX_VALUE), BooleanClause.Occur.FILTER)
        .add(IntPoint.newRangeQuery(ArticleSchema.PUBLISHED_END, Integer.MIN_VALUE, (int) to.toEpochDay()), BooleanClause.Occur.FILTER)
        .build();
  }

  private void term(String dimension, String field, String value) {
    if (value != null) byDimension.put(dimension, new TermQuery(new Term(field, value)));
  }
}
