package org.backfile.solr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backfile.index.ArticleSchema;
import org.backfile.index.LanguageAnalyzers;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.backfile.search.ArchiveQueries;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.ArchiveStats;
import org.backfile.search.ArchiveTree;
import org.backfile.search.ArticleList;
import org.backfile.search.ArticleSummary;
import org.backfile.search.ArticleView;
import org.backfile.search.AuthorCount;
import org.backfile.search.ExportHeader;
import org.backfile.search.ExportSink;
import org.backfile.search.Histogram;
import org.backfile.search.HistogramBuilder;
import org.backfile.search.Hit;
import org.backfile.search.RelatedArticle;
import org.backfile.search.SearchPage;
import org.backfile.search.SearchRequest;
import org.backfile.search.Suggestion;

/**
 * {@link ArchiveSearch} over a SolrCloud collection: the same answers as the embedded index, from
 * Solr's searches, facets, cursors and more-like-this. Queries are parsed by Backfile (see
 * {@link SolrQuerySyntax}); filters are tagged filter queries so facets can leave their own out.
 */
public final class SolrArchiveSearch implements ArchiveSearch {

  private static final int FACET_VALUES = 20;
  private static final int EXPORT_BATCH = 500;
  private static final List<String> SEARCH_FACETS = List.of(ArticleSchema.FACET_YEAR,
      ArticleSchema.FACET_MONTH, ArticleSchema.FACET_AUTHOR, ArticleSchema.FACET_SECTION,
      ArticleSchema.FACET_PUBLICATION, ArticleSchema.FACET_LANGUAGE, ArticleSchema.FACET_FORMAT);

  private final SolrCollection solr;
  private final SolrLanguages languages;

  public SolrArchiveSearch(SolrCollection solr) {
    this.solr = solr;
    this.languages = new SolrLanguages(solr);
  }

  @Override
  public SearchPage search(SearchRequest request) {
    List<String> fields = languages.fields();
    String q = SolrQuerySyntax.of(ArchiveQueries.parse(request.query(), fields));
    List<String> filters = SolrFilters.of(request);
    String sort = sortFor(request.sort());
    String start = request.cursor() == null ? "*" : SolrCursors.decode(request.sort(), request.cursor());
    // Copies of a hit already shown are folded, so scan on past the page while copies thin it out.
    int skip = request.cursor() == null ? (request.page() - 1) * request.size() : 0;
    int want = skip + request.size() + 1;
    int depth = Math.min(2 * want + 10, SearchRequest.MAX_DEPTH + SearchRequest.MAX_SIZE + 1);
    String hitFields = SolrDocuments.SUMMARY_FIELDS + "," + ArticleSchema.DUP_GROUP + ",score";

    JsonObject first = selectWithCursor(base(q, filters, sort).add("fl", hitFields)
        .add("rows", Integer.toString(depth)).add("cursorMark", start)
        .add("json.facet", searchFacets(filters).toString()));
    long total = numFound(first);
    JsonObject response = first;
    List<JsonObject> kept = new ArrayList<>(want);
    Set<String> groups = new HashSet<>();
    int scanned = 0; // hits looked at, from the cursor on
    int lastPageHit = -1;
    while (true) {
      JsonArray docs = docs(response);
      for (JsonElement e : docs) {
        JsonObject d = e.getAsJsonObject();
        scanned++;
        if (!groups.add(SolrDocuments.string(d, ArticleSchema.DUP_GROUP))) continue;
        kept.add(d);
        if (kept.size() == skip + request.size()) lastPageHit = scanned;
        if (kept.size() == want) break;
      }
      if (kept.size() == want || docs.size() < depth) break;
      response = selectWithCursor(base(q, filters, sort).add("fl", hitFields)
          .add("rows", Integer.toString(depth)).add("cursorMark", response.get("nextCursorMark").getAsString()));
    }
    List<JsonObject> page = kept.subList(Math.min(skip, kept.size()), Math.min(skip + request.size(), kept.size()));
    Map<String, String> snippets = snippets(request.query(), fields, page);
    List<Hit> hits = new ArrayList<>();
    for (JsonObject d : page) {
      Article a = SolrDocuments.read(d);
      hits.add(new Hit(a.id(), a.title(), a.authors(), a.published(), a.summary(),
          snippets.getOrDefault(a.id(), ""), a.url(), d.has("score") ? d.get("score").getAsFloat() : 0f));
    }
    String next = null;
    if (kept.size() == want && lastPageHit > 0) {
      // Solr's cursorMark right after the page's last hit: the same scan, cut there.
      JsonObject cut = selectWithCursor(base(q, filters, sort).add("fl", ArticleSchema.ID)
          .add("rows", Integer.toString(lastPageHit)).add("cursorMark", start));
      next = SolrCursors.encode(request.sort(), cut.get("nextCursorMark").getAsString());
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (String dim : SEARCH_FACETS) facets.put(dim, SolrFacets.counts(first, dim));
    long distinct = SolrFacets.stat(first, "groups");
    String didYouMean = total < org.backfile.search.Spelling.FEW_HITS
        ? new SolrSpelling(solr).didYouMean(request, total) : null;
    return new SearchPage(request.query(), total, request.cursor() == null ? request.page() : 1,
        request.size(), hits, facets, next, didYouMean, Math.max(0, total - distinct));
  }

  /** Facets of a search: each dimension counted without its own filter; distinct duplicate groups. */
  private static JsonObject searchFacets(List<String> filters) {
    JsonObject f = new JsonObject();
    for (String dim : SEARCH_FACETS) {
      // The month is filtered by the date range, which is tagged with the year.
      String tag = dim.equals(ArticleSchema.FACET_MONTH) ? ArticleSchema.FACET_YEAR : dim;
      f.add(dim, SolrFacets.terms(facetField(dim), FACET_VALUES, tag));
    }
    f.addProperty("groups", "unique(" + ArticleSchema.DUP_GROUP + ")");
    return f;
  }

  /** The field a facet dimension counts. */
  private static String facetField(String dim) {
    return dim.equals(ArticleSchema.FACET_FORMAT) ? ArticleSchema.CONTENT_TYPE : dim;
  }

  /** Highlighted passages of the page's bodies: one request for the whole page. */
  private Map<String, String> snippets(String query, List<String> fields, List<JsonObject> page) {
    Map<String, String> out = new HashMap<>();
    if (page.isEmpty() || query.isBlank()) return out;
    List<String> ids = new ArrayList<>();
    for (JsonObject d : page) ids.add(SolrDocuments.string(d, ArticleSchema.ID));
    String hl = SolrQuerySyntax.of(ArchiveQueries.parseForHighlighting(query, fields));
    JsonObject r = solr.select(SolrParams.of("q", byIds(ids), "fl", ArticleSchema.ID,
        "rows", Integer.toString(ids.size()), "hl", "true", "hl.method", "unified",
        "hl.fl", ArticleSchema.BODY, "hl.q", hl, "hl.snippets", "2", "hl.tag.pre", "<mark>",
        "hl.tag.post", "</mark>", "hl.tag.ellipsis", " … ", "hl.encoder", "html",
        "hl.requireFieldMatch", "false", "hl.maxAnalyzedChars", "200000", "hl.defaultSummary", "false"));
    JsonObject highlighting = r.getAsJsonObject("highlighting");
    if (highlighting == null) return out;
    for (Map.Entry<String, JsonElement> e : highlighting.entrySet()) {
      JsonElement body = e.getValue().getAsJsonObject().get(ArticleSchema.BODY);
      if (body == null || !body.isJsonArray() || body.getAsJsonArray().isEmpty()) continue;
      List<String> passages = new ArrayList<>();
      for (JsonElement p : body.getAsJsonArray()) passages.add(p.getAsString());
      out.put(e.getKey(), String.join(" … ", passages));
    }
    return out;
  }

  static String byIds(List<String> ids) {
    StringBuilder b = new StringBuilder(ArticleSchema.ID).append(":(");
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) b.append(" OR ");
      b.append('"').append(ids.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append(')').toString();
  }

  private static SolrParams base(String q, List<String> filters, String sort) {
    SolrParams p = SolrParams.of("q", q, "sort", sort);
    for (String fq : filters) p.add("fq", fq);
    return p;
  }

  /** A select with a cursorMark; a mark Solr cannot read is the reader's damaged cursor. */
  private JsonObject selectWithCursor(SolrParams params) {
    try {
      return solr.select(params);
    } catch (SolrException e) {
      if (e.status() == 400 && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("cursor")) {
        throw SolrCursors.damaged();
      }
      throw e;
    }
  }

  static long numFound(JsonObject r) {
    return r.getAsJsonObject("response").get("numFound").getAsLong();
  }

  static JsonArray docs(JsonObject r) {
    return r.getAsJsonObject("response").getAsJsonArray("docs");
  }

  /** Sorts with the id last: stable pages, and what cursorMark requires. */
  static String sortFor(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> "score desc," + ArticleSchema.ID + " asc";
      // Undated articles have no published_sort and come last either way (sortMissingLast).
      case NEWEST -> ArticleSchema.PUBLISHED_SORT + " desc," + ArticleSchema.ID + " asc";
      case OLDEST -> ArticleSchema.PUBLISHED_SORT + " asc," + ArticleSchema.ID + " asc";
    };
  }

  @Override
  public Histogram histogram(SearchRequest request, Histogram.Interval interval) {
    String q = SolrQuerySyntax.of(ArchiveQueries.parse(request.query(), languages.fields()));
    JsonObject f = new JsonObject();
    f.add(ArticleSchema.FACET_YEAR, SolrFacets.terms(ArticleSchema.FACET_YEAR, -1, null));
    f.add(ArticleSchema.FACET_MONTH, SolrFacets.terms(ArticleSchema.FACET_MONTH, -1, null));
    JsonObject r = solr.select(base(q, SolrFilters.of(request), sortFor(SearchRequest.Sort.RELEVANCE))
        .add("rows", "0").add("json.facet", f.toString()));
    return HistogramBuilder.fromCounts(interval, numFound(r), SolrFacets.counts(r, ArticleSchema.FACET_YEAR),
        SolrFacets.counts(r, ArticleSchema.FACET_MONTH));
  }

  @Override
  public long export(SearchRequest request, ExportSink sink) throws IOException {
    String q = SolrQuerySyntax.of(ArchiveQueries.parse(request.query(), languages.fields()));
    List<String> filters = SolrFilters.of(request);
    String sort = sortFor(request.sort());
    String mark = "*";
    long written = 0;
    JsonObject r = solr.select(base(q, filters, sort).add("fl", SolrDocuments.ARTICLE_FIELDS)
        .add("rows", Integer.toString(EXPORT_BATCH)).add("cursorMark", mark));
    sink.header(new ExportHeader(request.query(), request.filters(), request.sort().label(), version(),
        numFound(r), Instant.now().toString()));
    while (true) {
      JsonArray docs = docs(r);
      for (JsonElement d : docs) {
        sink.row(SolrDocuments.read(d.getAsJsonObject()));
        written++;
      }
      String next = r.get("nextCursorMark").getAsString();
      if (docs.size() < EXPORT_BATCH || next.equals(mark)) return written;
      mark = next;
      r = solr.select(base(q, filters, sort).add("fl", SolrDocuments.ARTICLE_FIELDS)
          .add("rows", Integer.toString(EXPORT_BATCH)).add("cursorMark", mark));
    }
  }

  /**
   * The collection's version for export headers: the newest update's {@code _version_} (Solr
   * gives every update a larger one), so two exports with the same version saw the same articles.
   */
  private long version() {
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "fl", "_version_", "rows", "1", "sort", "_version_ desc"));
    JsonArray docs = docs(r);
    return docs.isEmpty() ? 0 : docs.get(0).getAsJsonObject().get("_version_").getAsLong();
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    SearchRequest.checkSize(size, Suggestion.MAX);
    return new SolrSuggester(solr).suggest(prefix == null ? "" : prefix, size);
  }

  @Override
  public Optional<Article> article(String id) {
    return document(id, SolrDocuments.ARTICLE_FIELDS).map(SolrDocuments::read);
  }

  /** One article's stored fields, by id (never the journal record: /select leaves it out). */
  Optional<JsonObject> document(String id, String fields) {
    JsonArray docs = docs(solr.select(SolrParams.of("q", SolrQuerySyntax.term(ArticleSchema.ID, id),
        "fl", fields, "rows", "1")));
    return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0).getAsJsonObject());
  }

  @Override
  public Optional<ArticleView> view(String id) {
    Optional<JsonObject> doc = document(id, SolrDocuments.ARTICLE_FIELDS + "," + ArticleSchema.DUP_GROUP);
    if (doc.isEmpty()) return Optional.empty();
    Article article = SolrDocuments.read(doc.get());
    String group = SolrDocuments.string(doc.get(), ArticleSchema.DUP_GROUP);
    if (group == null) return Optional.of(ArticleView.alone(article));
    List<Article> copies = new ArrayList<>();
    for (JsonElement d : docs(solr.select(SolrParams.of("q", SolrQuerySyntax.term(ArticleSchema.DUP_GROUP, group),
        "fl", SolrDocuments.ARTICLE_FIELDS, "rows", Integer.toString(ArticleView.MAX_COPIES))))) {
      copies.add(SolrDocuments.read(d.getAsJsonObject()));
    }
    return Optional.of(ArticleView.inGroup(article, copies));
  }

  @Override
  public Optional<List<RelatedArticle>> related(String id, int size) {
    SearchRequest.checkSize(size, SearchRequest.MAX_SIZE);
    Optional<JsonObject> doc = document(id, SolrDocuments.ARTICLE_FIELDS + "," + ArticleSchema.DUP_GROUP);
    return doc.map(d -> new SolrRelated(solr).find(SolrDocuments.read(d),
        SolrDocuments.string(d, ArticleSchema.DUP_GROUP), size));
  }

  @Override
  public ArchiveTree archive() {
    JsonObject f = new JsonObject();
    f.add(ArticleSchema.FACET_YEAR, SolrFacets.terms(ArticleSchema.FACET_YEAR, -1, null));
    f.add(ArticleSchema.FACET_MONTH, SolrFacets.terms(ArticleSchema.FACET_MONTH, -1, null));
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "rows", "0", "json.facet", f.toString()));
    return ArchiveTree.fromCounts(SolrFacets.counts(r, ArticleSchema.FACET_YEAR),
        SolrFacets.counts(r, ArticleSchema.FACET_MONTH));
  }

  @Override
  public ArticleList period(int year, int month, int page, int size) {
    checkPaging(page, size);
    PartialDate period = ArchiveTree.period(year, month);
    return list(SolrFilters.within(period.start(), period.end()), page, size);
  }

  @Override
  public List<AuthorCount> authors() {
    JsonObject f = new JsonObject();
    f.add(ArticleSchema.FACET_AUTHOR, SolrFacets.terms(ArticleSchema.AUTHOR, -1, null));
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "rows", "0", "json.facet", f.toString()));
    List<AuthorCount> out = new ArrayList<>();
    SolrFacets.counts(r, ArticleSchema.FACET_AUTHOR).forEach((name, count) -> out.add(new AuthorCount(name, count)));
    return out;
  }

  @Override
  public ArticleList byAuthor(String name, int page, int size) {
    checkPaging(page, size);
    return list(SolrQuerySyntax.term(ArticleSchema.AUTHOR, name), page, size);
  }

  private ArticleList list(String filter, int page, int size) {
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "fq", filter, "sort", sortFor(SearchRequest.Sort.NEWEST),
        "fl", SolrDocuments.SUMMARY_FIELDS, "start", Integer.toString((page - 1) * size), "rows", Integer.toString(size)));
    List<ArticleSummary> out = new ArrayList<>();
    for (JsonElement d : docs(r)) {
      Article a = SolrDocuments.read(d.getAsJsonObject());
      out.add(ArticleSummary.of(a));
    }
    return new ArticleList(numFound(r), page, size, out);
  }

  private static void checkPaging(int page, int size) {
    // The same limits as search: validated in one place.
    new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, page, size);
  }

  @Override
  public ArchiveStats stats() {
    JsonObject f = new JsonObject();
    f.addProperty("authors", "unique(" + ArticleSchema.AUTHOR + ")");
    f.add(ArticleSchema.FACET_FORMAT, SolrFacets.terms(ArticleSchema.CONTENT_TYPE, -1, null));
    f.add(ArticleSchema.DATED, SolrFacets.terms(ArticleSchema.DATED, -1, null));
    JsonObject r = solr.select(SolrParams.of("q", "*:*", "rows", "0", "json.facet", f.toString()));
    return new ArchiveStats(numFound(r), SolrFacets.stat(r, "authors"), firstDate("asc"), firstDate("desc"),
        SolrFacets.counts(r, ArticleSchema.DATED).getOrDefault("no", 0L),
        SolrFacets.counts(r, ArticleSchema.FACET_FORMAT), new SolrSizes(solr).indexBytes());
  }

  private PartialDate firstDate(String order) {
    JsonArray docs = docs(solr.select(SolrParams.of("q", SolrQuerySyntax.term(ArticleSchema.DATED, "yes"),
        "sort", ArticleSchema.PUBLISHED_SORT + " " + order + "," + ArticleSchema.ID + " asc",
        "fl", ArticleSchema.PUBLISHED, "rows", "1")));
    if (docs.isEmpty()) return null;
    String published = SolrDocuments.string(docs.get(0).getAsJsonObject(), ArticleSchema.PUBLISHED);
    return published == null ? null : PartialDate.parse(published);
  }

  /** The language fields ({@code body_de}, …) of the languages the collection holds. */
  static List<String> languageFields(Map<String, Long> languageCounts) {
    List<String> out = new ArrayList<>();
    for (String lang : languageCounts.keySet()) LanguageAnalyzers.fieldFor(lang).ifPresent(out::add);
    out.sort(null);
    return out;
  }
}
