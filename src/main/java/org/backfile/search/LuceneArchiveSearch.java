package org.backfile.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;

/** {@link ArchiveSearch} over the embedded Lucene index. Lucene types stop here. */
public final class LuceneArchiveSearch implements ArchiveSearch {

  private static final int FACET_VALUES = 20;
  private static final List<String> SEARCH_FACETS = List.of(ArticleSchema.FACET_YEAR,
      ArticleSchema.FACET_MONTH, ArticleSchema.FACET_AUTHOR, ArticleSchema.FACET_SECTION,
      ArticleSchema.FACET_PUBLICATION, ArticleSchema.FACET_LANGUAGE, ArticleSchema.FACET_FORMAT);

  private final ArchiveIndex index;
  private final FacetCounter facetCounter = new FacetCounter();

  public LuceneArchiveSearch(ArchiveIndex index) {
    this.index = index;
  }

  @Override
  public SearchPage search(SearchRequest request) {
    Query userQuery = new ArchiveQueryParser().parseQuery(request.query());
    Query query = withFilters(userQuery, request);
    int depth = request.page() * request.size();
    return index.withSearcher(searcher -> {
      FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(
          searcher, query, depth, sortFor(request.sort()), true, new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      ScoreDoc[] all = top.scoreDocs;
      int from = Math.min(all.length, (request.page() - 1) * request.size());
      ScoreDoc[] pageDocs = Arrays.copyOfRange(all, from, all.length);
      TopDocs page = new TopDocs(top.totalHits, pageDocs);
      String[] snippets = pageDocs.length == 0 ? new String[0] : Snippets.of(searcher, userQuery, page);
      List<Hit> hits = new ArrayList<>(pageDocs.length);
      StoredFields stored = searcher.storedFields();
      for (int i = 0; i < pageDocs.length; i++) {
        Article a = ArticleSchema.toArticle(stored, pageDocs[i].doc);
        hits.add(new Hit(a.id(), a.title(), a.authors(), a.published(), a.summary(),
            snippets[i] == null ? "" : snippets[i], a.url(), Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score));
      }
      Facets facets = facetCounter.counts(searcher.getIndexReader(), result.facetsCollector());
      Map<String, Map<String, Long>> facetMap = new LinkedHashMap<>();
      for (String dim : SEARCH_FACETS) {
        facetMap.put(dim, FacetCounter.asMap(FacetCounter.top(facets, dim, FACET_VALUES)));
      }
      return new SearchPage(request.query(), top.totalHits.value(), request.page(), request.size(), hits, facetMap);
    });
  }

  /**
   * Ranked retrieval of free text (a question, a paragraph): unlike {@link #search}, any word may
   * match and the best-scoring articles come first. For evaluations and "find articles like this
   * text"; no facets, no snippets.
   */
  public List<RankedHit> rank(String text, int n) {
    if (n < 1) throw new InvalidParameterException("n", "n must be 1 or more, got " + n);
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(RankedQuery.build(text), n);
      List<RankedHit> out = new ArrayList<>(top.scoreDocs.length);
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(new RankedHit(stored.document(sd.doc).get(ArticleSchema.ID), sd.score));
      }
      return out;
    });
  }

  @Override
  public Optional<Article> article(String id) {
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(ArticleSchema.toArticle(searcher.storedFields(), top.scoreDocs[0].doc));
    });
  }

  @Override
  public Optional<List<RelatedArticle>> related(String id, int size) {
    if (size < 1 || size > SearchRequest.MAX_SIZE) {
      throw new InvalidParameterException("size", "size must be 1.." + SearchRequest.MAX_SIZE + ", got " + size);
    }
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      int docId = top.scoreDocs[0].doc;
      Article article = ArticleSchema.toArticle(searcher.storedFields(), docId);
      return Optional.of(RelatedFinder.find(searcher, docId, article, size));
    });
  }

  @Override
  public ArchiveTree archive() {
    return index.withSearcher(searcher -> {
      Facets all = facetCounter.counts(searcher.getIndexReader(), null);
      Map<Integer, List<ArchiveTree.Month>> months = new LinkedHashMap<>();
      for (LabelAndValue lv : FacetCounter.top(all, ArticleSchema.FACET_MONTH, Integer.MAX_VALUE)) {
        YearMonth ym = YearMonth.parse(lv.label);
        months.computeIfAbsent(ym.getYear(), y -> new ArrayList<>())
            .add(new ArchiveTree.Month(ym.getMonthValue(), lv.value.longValue()));
      }
      List<ArchiveTree.Year> years = new ArrayList<>();
      long undated = 0;
      for (LabelAndValue lv : FacetCounter.top(all, ArticleSchema.FACET_YEAR, Integer.MAX_VALUE)) {
        if (lv.label.equals(ArticleSchema.UNDATED)) {
          undated = lv.value.longValue();
          continue;
        }
        int year = Integer.parseInt(lv.label);
        List<ArchiveTree.Month> ms = new ArrayList<>(months.getOrDefault(year, List.of()));
        ms.sort((a, b) -> Integer.compare(b.month(), a.month()));
        years.add(new ArchiveTree.Year(year, lv.value.longValue(), ms));
      }
      years.sort((a, b) -> Integer.compare(b.year(), a.year()));
      return new ArchiveTree(years, undated);
    });
  }

  @Override
  public ArticleList period(int year, int month, int page, int size) {
    checkPaging(page, size);
    if (year < 1 || year > 9999) throw new InvalidParameterException("year", "year must be 1..9999, got " + year);
    if (month < 0 || month > 12) throw new InvalidParameterException("month", "month must be 1..12, got " + month);
    PartialDate period = month == 0 ? PartialDate.ofYear(year) : PartialDate.ofMonth(year, month);
    return list(within(period.start(), period.end()), page, size);
  }

  @Override
  public List<AuthorCount> authors() {
    return index.withSearcher(searcher -> {
      Facets all = facetCounter.counts(searcher.getIndexReader(), null);
      List<AuthorCount> out = new ArrayList<>();
      for (LabelAndValue lv : FacetCounter.top(all, ArticleSchema.FACET_AUTHOR, Integer.MAX_VALUE)) {
        out.add(new AuthorCount(lv.label, lv.value.longValue()));
      }
      return out;
    });
  }

  @Override
  public ArticleList byAuthor(String name, int page, int size) {
    checkPaging(page, size);
    return list(new TermQuery(new Term(ArticleSchema.AUTHOR, name)), page, size);
  }

  @Override
  public ArchiveStats stats() {
    return index.withSearcher(searcher -> {
      Facets all = facetCounter.counts(searcher.getIndexReader(), null);
      long authors = FacetCounter.top(all, ArticleSchema.FACET_AUTHOR, Integer.MAX_VALUE).size();
      Map<String, Long> formats = FacetCounter.asMap(FacetCounter.top(all, ArticleSchema.FACET_FORMAT, Integer.MAX_VALUE));
      Query dated = new TermQuery(new Term(ArticleSchema.DATED, "yes"));
      PartialDate earliest = firstDate(searcher, dated, DateOrder.OLDEST_FIRST);
      PartialDate latest = firstDate(searcher, dated, DateOrder.NEWEST_FIRST);
      long undated = searcher.count(new TermQuery(new Term(ArticleSchema.DATED, "no")));
      return new ArchiveStats(searcher.getIndexReader().numDocs(), authors, earliest, latest,
          undated, formats, index.sizeInBytes());
    });
  }

  private ArticleList list(Query query, int page, int size) {
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(query, page * size, sortFor(SearchRequest.Sort.NEWEST));
      List<ArticleSummary> out = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (int i = (page - 1) * size; i < top.scoreDocs.length; i++) {
        Article a = ArticleSchema.toArticle(stored, top.scoreDocs[i].doc);
        out.add(new ArticleSummary(a.id(), a.title(), a.authors(), a.published(), a.summary()));
      }
      return new ArticleList(top.totalHits.value(), page, size, out);
    });
  }

  private static void checkPaging(int page, int size) {
    // The same limits as search: validated in one place.
    new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, page, size);
  }

  private static Query withFilters(Query userQuery, SearchRequest r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST);
    if (r.author() != null) {
      b.add(new TermQuery(new Term(ArticleSchema.AUTHOR, r.author())), BooleanClause.Occur.FILTER);
    }
    if (r.section() != null) {
      b.add(new TermQuery(new Term(ArticleSchema.SECTION, r.section())), BooleanClause.Occur.FILTER);
    }
    if (r.from() != null || r.to() != null) {
      LocalDate from = r.from() == null ? LocalDate.of(1, 1, 1) : r.from().start();
      LocalDate to = r.to() == null ? LocalDate.of(9999, 12, 31) : r.to().end();
      b.add(within(from, to), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** Articles whose whole date (every day it may stand for) lies between two days. */
  private static Query within(LocalDate from, LocalDate to) {
    return new BooleanQuery.Builder()
        .add(IntPoint.newRangeQuery(ArticleSchema.PUBLISHED_START, (int) from.toEpochDay(), Integer.MAX_VALUE), BooleanClause.Occur.FILTER)
        .add(IntPoint.newRangeQuery(ArticleSchema.PUBLISHED_END, Integer.MIN_VALUE, (int) to.toEpochDay()), BooleanClause.Occur.FILTER)
        .build();
  }

  private static PartialDate firstDate(IndexSearcher searcher, Query dated, Sort order) throws IOException {
    TopDocs top = searcher.search(dated, 1, order);
    if (top.scoreDocs.length == 0) return null;
    return ArticleSchema.toArticle(searcher.storedFields(), top.scoreDocs[0].doc).published();
  }

  private static Sort sortFor(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId());
      case NEWEST -> DateOrder.NEWEST_FIRST;
      case OLDEST -> DateOrder.OLDEST_FIRST;
    };
  }

  private static SortField byId() {
    return new SortField(ArticleSchema.ID, SortField.Type.STRING);
  }

  /** Date orders; undated articles come last either way, ties broken by id so paging is stable. */
  private static final class DateOrder {
    static final Sort NEWEST_FIRST = new Sort(
        dateField(true), byId());
    static final Sort OLDEST_FIRST = new Sort(
        dateField(false), byId());

    private static SortField dateField(boolean newestFirst) {
      SortField f = new SortField(ArticleSchema.PUBLISHED_SORT, SortField.Type.LONG, newestFirst);
      f.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
      return f;
    }
  }
}
