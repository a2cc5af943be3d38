package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
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
  private final DuplicateCounter duplicates = new DuplicateCounter();
  private final DocFreqCache docFreqs = new DocFreqCache();

  public LuceneArchiveSearch(ArchiveIndex index) {
    this.index = index;
  }

  /**
   * Builds what the first requests on the current reader would otherwise build while a reader
   * waits: facet ordinal maps, the counts over every article, the language fields. Call it once
   * after opening, off the request threads.
   */
  public void warm() {
    index.withSearcher(searcher -> {
      // What the first search needs comes first; the counts over every article (page sidebars,
      // archive, authors) last.
      facetCounter.warm(searcher.getIndexReader(), false);
      // Parsing once makes the analysers of every language field the index holds (stop word lists,
      // stemmer tables), which the first query would otherwise wait for.
      parser(searcher).parseQuery("archive");
      duplicates.warm(searcher.getIndexReader());
      facetCounter.warmTable(searcher.getIndexReader());
      facetCounter.warm(searcher.getIndexReader(), true);
      return null;
    });
  }

  @Override
  public SearchPage search(SearchRequest request) {
    return search(request, false).page();
  }

  /** One pass: the search's own facet counts hold the years and months of every match. */
  @Override
  public SearchWithTimeline searchWithTimeline(SearchRequest request) {
    return search(request, true);
  }

  private SearchWithTimeline search(SearchRequest request, boolean withTimeline) {
    FilterSet filters = new FilterSet(request);
    Sort sort = sortFor(request.sort());
    return index.withSearcher(searcher -> {
      Query userQuery = parser(searcher).parseQuery(request.query());
      Query query = filters.apply(userQuery);
      int maxDoc = searcher.getIndexReader().maxDoc();
      FieldDoc after = request.cursor() == null || maxDoc == 0 ? null
          : Cursors.decode(request.sort(), request.cursor(), maxDoc);
      // One hit past the page says whether there is a next one; copies of shown hits are folded,
      // so fetch more than a page and scan on while copies thin it out.
      int skip = after == null ? (request.page() - 1) * request.size() : 0;
      int want = skip + request.size() + 1;
      int depth = Math.min(2 * want + 10, SearchRequest.MAX_DEPTH + SearchRequest.MAX_SIZE + 1);
      // Ranked by relevance, each hit's score is its first sort value already; asking Lucene for
      // scores would score the hits a second time (a twentieth of a search).
      boolean scoresFromSort = request.sort() == SearchRequest.Sort.RELEVANCE;
      FacetsCollectorManager.FacetsResult result = after == null
          ? FacetsCollectorManager.search(searcher, query, depth, sort, !scoresFromSort, new FacetsCollectorManager())
          : FacetsCollectorManager.searchAfter(searcher, after, query, depth, sort, !scoresFromSort, new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      if (scoresFromSort) scoresFromSort(top.scoreDocs);
      List<ScoreDoc> kept = collapse(searcher, query, sort, scoresFromSort, after == null, top.scoreDocs, depth, want);
      ScoreDoc[] pageDocs = kept.subList(Math.min(skip, kept.size()), Math.min(skip + request.size(), kept.size()))
          .toArray(new ScoreDoc[0]);
      // Each hit's document is read (and its block inflated) once: the snippets take its body.
      Article[] articles = new Article[pageDocs.length];
      StoredFields stored = searcher.storedFields();
      for (int i = 0; i < pageDocs.length; i++) articles[i] = ArticleSchema.toArticle(stored, pageDocs[i].doc);
      String[] snippets = pageDocs.length == 0 ? new String[0]
          : Snippets.of(searcher, highlightQuery(searcher, request.query(), userQuery), pageDocs,
              Arrays.stream(articles).map(Article::body).toArray(String[]::new));
      List<Hit> hits = new ArrayList<>(pageDocs.length);
      for (int i = 0; i < pageDocs.length; i++) {
        Article a = articles[i];
        float score = pageDocs[i].score;
        hits.add(new Hit(a.id(), a.title(), a.authors(), a.published(), a.summary(),
            snippets[i] == null ? "" : snippets[i], a.url(), Float.isNaN(score) ? 0f : score));
      }
      long total = top.totalHits.value();
      String next = kept.size() == want ? Cursors.encode(request.sort(), (FieldDoc) pageDocs[pageDocs.length - 1]) : null;
      Facets counts = facetCounter.counts(searcher.getIndexReader(), result.facetsCollector());
      Map<String, Map<String, Long>> facets = facets(searcher, userQuery, filters, counts);
      long folded = duplicates.folded(searcher.getIndexReader(), result.facetsCollector());
      String didYouMean = total < Spelling.FEW_HITS ? didYouMean(searcher, request) : null;
      SearchPage page = new SearchPage(request.query(), total, after == null ? request.page() : 1,
          request.size(), hits, facets, next, didYouMean, folded);
      Histogram timeline = withTimeline
          ? SearchWithTimeline.timeline(interval -> HistogramBuilder.build(interval, total, counts)) : null;
      return new SearchWithTimeline(page, timeline);
    });
  }

  /**
   * The query snippets mark. Only quoted phrases parse differently for highlighting (on the stemmed
   * fields, see {@link ArchiveQueryParser#forHighlighting}); without quotes the search's own query
   * serves, and is not parsed twice.
   */
  private Query highlightQuery(IndexSearcher searcher, String text, Query userQuery) {
    return text.indexOf('"') < 0 ? userQuery : parser(searcher).forHighlighting().parseQuery(text);
  }

  /** The first {@code want} hits that stand for their duplicate group, searching on as needed. */
  private static List<ScoreDoc> collapse(IndexSearcher searcher, Query query, Sort sort, boolean scoresFromSort,
      boolean fromFirstHit, ScoreDoc[] first, int depth, int want) throws IOException {
    DuplicateFolder folder = new DuplicateFolder(searcher, query, sort, fromFirstHit);
    List<ScoreDoc> kept = new ArrayList<>(want);
    ScoreDoc[] batch = first;
    while (true) {
      for (ScoreDoc sd : batch) {
        if (folder.keep(sd) && kept.add(sd) && kept.size() == want) return kept;
      }
      if (batch.length < depth) return kept; // every match seen
      batch = searcher.searchAfter((FieldDoc) batch[batch.length - 1], query, depth, sort, !scoresFromSort).scoreDocs;
      if (scoresFromSort) scoresFromSort(batch);
    }
  }

  /** Hits sorted by relevance carry their score as their first sort value. */
  private static void scoresFromSort(ScoreDoc[] hits) {
    for (ScoreDoc sd : hits) sd.score = (Float) ((FieldDoc) sd).fields[0];
  }

  /** Counts per dimension; a filtered dimension is counted without its own filter. */
  private Map<String, Map<String, Long>> facets(IndexSearcher searcher, Query userQuery,
      FilterSet filters, Facets main) throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : SEARCH_FACETS) {
      Facets counts = main;
      if (filters.filters(dim)) {
        String filterDim = dim.equals(ArticleSchema.FACET_MONTH) ? ArticleSchema.FACET_YEAR : dim;
        FacetsCollector sideways = searcher.search(filters.applyExcept(userQuery, filterDim), new FacetsCollectorManager());
        counts = facetCounter.counts(searcher.getIndexReader(), sideways);
      }
      out.put(dim, FacetCounter.asMap(FacetCounter.top(counts, dim, FACET_VALUES)));
    }
    return out;
  }

  private String didYouMean(IndexSearcher searcher, SearchRequest request) throws IOException {
    String respelt = Spelling.query(searcher.getIndexReader(), request.query());
    String author = null;
    if (request.author() != null && searcher.count(new TermQuery(new Term(ArticleSchema.AUTHOR, request.author()))) == 0) {
      List<String> names = facetCounter.allValues(searcher.getIndexReader(), ArticleSchema.FACET_AUTHOR)
          .stream().map(lv -> lv.label).toList();
      author = Spelling.author(request.author(), names);
    }
    return Spelling.suggestion(request.query(), respelt, author);
  }

  @Override
  public Histogram histogram(SearchRequest request, Histogram.Interval interval) {
    return index.withSearcher(searcher -> {
      Query query = new FilterSet(request).apply(parser(searcher).parseQuery(request.query()));
      FacetsCollector fc = searcher.search(query, new FacetsCollectorManager());
      Facets counts = facetCounter.counts(searcher.getIndexReader(), fc);
      long total = fc.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
      return HistogramBuilder.build(interval, total, counts);
    });
  }

  @Override
  public long export(SearchRequest request, ExportSink sink) throws IOException {
    return export(request, sink, Exporter.FIRST_BATCH, Exporter.MAX_BATCH);
  }

  /** With given batch sizes, so that a test can cross many batch boundaries on a small index. */
  long export(SearchRequest request, ExportSink sink, int firstBatch, int maxBatch) throws java.io.IOException {
    return Exporter.run(index, searcher -> new FilterSet(request).apply(parser(searcher).parseQuery(request.query())),
        request, sortFor(request.sort()), sink, firstBatch, maxBatch);
  }

  /** The language fields one index reader holds; worked out once per reader, not per request. */
  private record LanguageFields(org.apache.lucene.index.IndexReader reader, List<String> fields) {}

  private volatile LanguageFields languageFields;

  /** A parser that also searches the language fields this index has. */
  private ArchiveQueryParser parser(IndexSearcher searcher) {
    org.apache.lucene.index.IndexReader reader = searcher.getIndexReader();
    LanguageFields known = languageFields;
    if (known == null || known.reader() != reader) {
      var infos = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader);
      List<String> present = new ArrayList<>();
      for (String lang : org.backfile.index.LanguageAnalyzers.languages()) {
        org.backfile.index.LanguageAnalyzers.fieldFor(lang)
            .filter(field -> infos.fieldInfo(field) != null)
            .ifPresent(present::add);
      }
      present.sort(null);
      known = new LanguageFields(reader, List.copyOf(present));
      languageFields = known;
    }
    return new ArchiveQueryParser(known.fields());
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    SearchRequest.checkSize(size, Suggestion.MAX);
    return index.withSearcher(searcher -> Suggester.suggest(searcher,
        facetCounter.allValues(searcher.getIndexReader(), ArticleSchema.FACET_AUTHOR),
        prefix == null ? "" : prefix, size));
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
  public Optional<ArticleView> view(String id) {
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      StoredFields stored = searcher.storedFields();
      Article article = ArticleSchema.toArticle(stored, top.scoreDocs[0].doc);
      String group = DuplicateFolder.groupOf(searcher.getIndexReader(), top.scoreDocs[0].doc);
      if (group == null) return Optional.of(ArticleView.alone(article));
      List<Article> copies = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(ArticleSchema.DUP_GROUP, group)),
          ArticleView.MAX_COPIES).scoreDocs) {
        copies.add(ArticleSchema.toArticle(stored, sd.doc));
      }
      return Optional.of(ArticleView.inGroup(article, copies));
    });
  }

  @Override
  public Optional<List<RelatedArticle>> related(String id, int size) {
    SearchRequest.checkSize(size, SearchRequest.MAX_SIZE);
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      if (top.scoreDocs.length == 0) return Optional.empty();
      int docId = top.scoreDocs[0].doc;
      Article article = ArticleSchema.toArticle(searcher.storedFields(), docId);
      return Optional.of(RelatedFinder.find(searcher, docFreqs, duplicates, docId, article, size));
    });
  }

  @Override
  public ArchiveTree archive() {
    return index.withSearcher(searcher -> {
      org.apache.lucene.index.IndexReader reader = searcher.getIndexReader();
      return ArchiveTree.fromCounts(counts(facetCounter.allValues(reader, ArticleSchema.FACET_YEAR)),
          counts(facetCounter.allValues(reader, ArticleSchema.FACET_MONTH)));
    });
  }

  @Override
  public ArticleList period(int year, int month, int page, int size) {
    checkPaging(page, size);
    PartialDate period = ArchiveTree.period(year, month);
    return list(FilterSet.within(period.start(), period.end()), page, size);
  }

  @Override
  public List<AuthorCount> authors() {
    return index.withSearcher(searcher -> {
      List<AuthorCount> out = new ArrayList<>();
      for (LabelAndValue lv : facetCounter.allValues(searcher.getIndexReader(), ArticleSchema.FACET_AUTHOR)) {
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
      org.apache.lucene.index.IndexReader reader = searcher.getIndexReader();
      long authors = facetCounter.allValues(reader, ArticleSchema.FACET_AUTHOR).size();
      Map<String, Long> formats = FacetCounter.asMap(facetCounter.allValues(reader, ArticleSchema.FACET_FORMAT));
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
        Article a = ArticleSchema.toListedArticle(stored, top.scoreDocs[i].doc);
        out.add(ArticleSummary.of(a));
      }
      return new ArticleList(top.totalHits.value(), page, size, out);
    });
  }

  private static Map<String, Long> counts(Iterable<LabelAndValue> values) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (LabelAndValue lv : values) out.put(lv.label, lv.value.longValue());
    return out;
  }

  private static void checkPaging(int page, int size) {
    // The same limits as search: validated in one place.
    new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, page, size);
  }

  private static PartialDate firstDate(IndexSearcher searcher, Query dated, Sort order) throws IOException {
    TopDocs top = searcher.search(dated, 1, order);
    if (top.scoreDocs.length == 0) return null;
    return ArticleSchema.toListedArticle(searcher.storedFields(), top.scoreDocs[0].doc).published();
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
      return new SortField(ArticleSchema.PUBLISHED_SORT, SortField.Type.LONG, newestFirst,
          newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
  }
}
