package org.backfile.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backfile.ingest.PartialDate;
import org.backfile.search.SearchRequest;
import spark.Request;

/**
 * The search page's parameters as the reader sent them, and the links that change one of them: add a
 * facet filter, remove it again, sort, page. Publication and language have no filter in
 * {@link SearchRequest} yet, so they travel as exact field clauses appended to the query text.
 */
public record SearchForm(String q, String author, String section, String publication, String language,
    PartialDate from, PartialDate to, SearchRequest.Sort sort, int page) {

  private static final List<String> ORDER =
      List.of("q", "author", "section", "publication", "language", "from", "to", "sort", "page");

  /** A filter that is on, with the link that turns it off. */
  public record Chip(String label, String value, String removeUrl) {}

  static SearchForm of(Request req) {
    return new SearchForm(
        orEmpty(Params.string(req, "q")),
        Params.string(req, "author"),
        Params.string(req, "section"),
        Params.string(req, "publication"),
        Params.string(req, "language"),
        Params.date(req, "from"),
        Params.date(req, "to"),
        SearchRequest.Sort.parse(Params.string(req, "sort")),
        Params.integer(req, "page", 1));
  }

  SearchRequest toRequest(int size) {
    return new SearchRequest(effectiveQuery(), author, from, to, section, sort, page, size);
  }

  /** The query text with the publication and language filters as exact clauses. */
  public String effectiveQuery() {
    StringBuilder s = new StringBuilder();
    clause(s, "publication", publication);
    clause(s, "language", language);
    if (s.isEmpty()) return q;
    return q.isBlank() ? s.toString().strip() : "(" + q + ")" + s;
  }

  public boolean filtered() {
    return !chips().isEmpty();
  }

  /** The year both ends of the date range fall in, when the range is exactly one year. */
  public Integer year() {
    if (from == null || to == null) return null;
    boolean wholeYear = from.precision() == PartialDate.Precision.YEAR && from.equals(to);
    return wholeYear ? from.year() : null;
  }

  public List<Chip> chips() {
    List<Chip> chips = new ArrayList<>();
    if (author != null) chips.add(new Chip("Author", author, url(params(), "author", null)));
    if (year() != null) {
      Map<String, String> p = params();
      p.remove("from");
      p.remove("to");
      chips.add(new Chip("Year", Integer.toString(year()), url(p)));
    } else {
      if (from != null) chips.add(new Chip("From", from.toString(), url(params(), "from", null)));
      if (to != null) chips.add(new Chip("To", to.toString(), url(params(), "to", null)));
    }
    if (section != null) chips.add(new Chip("Section", section, url(params(), "section", null)));
    if (publication != null) chips.add(new Chip("Publication", publication, url(params(), "publication", null)));
    if (language != null) chips.add(new Chip("Language", View.language(language), url(params(), "language", null)));
    return chips;
  }

  /** The link that adds a facet value as a filter, or null when that dimension cannot filter. */
  public String facetUrl(String dim, String value) {
    Map<String, String> p = params();
    switch (dim) {
      case "year" -> {
        if (!value.matches("\\d{4}")) return null;
        p.put("from", value);
        p.put("to", value);
      }
      case "author", "section", "publication", "language" -> p.put(dim, value);
      default -> {
        return null;
      }
    }
    return url(p);
  }

  /** Whether a facet value is the active filter of its dimension. */
  public boolean active(String dim, String value) {
    return switch (dim) {
      case "year" -> year() != null && value.equals(String.format(Locale.ROOT, "%04d", year()));
      case "author" -> value.equals(author);
      case "section" -> value.equals(section);
      case "publication" -> value.equals(publication);
      case "language" -> value.equals(language);
      default -> false;
    };
  }

  public String sortUrl(SearchRequest.Sort s) {
    return url(params(), "sort", s == SearchRequest.Sort.RELEVANCE ? null : s.name().toLowerCase(Locale.ROOT));
  }

  public String pageUrl(int n) {
    Map<String, String> p = params();
    if (n > 1) p.put("page", Integer.toString(n));
    return url(p);
  }

  /** Export of every match, in the API's parameters (publication and language folded into q). */
  public String exportUrl(String format) {
    return "/api/export?" + query(apiParams()) + "&format=" + format;
  }

  public String feedUrl() {
    return "/feed.xml?" + query(apiParams());
  }

  private Map<String, String> apiParams() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("q", effectiveQuery());
    put(p, "author", author);
    put(p, "section", section);
    put(p, "from", from == null ? null : from.toString());
    put(p, "to", to == null ? null : to.toString());
    if (sort != SearchRequest.Sort.RELEVANCE) p.put("sort", sort.name().toLowerCase(Locale.ROOT));
    return p;
  }

  /** Every parameter except the page, which any change resets. */
  private Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("q", q);
    put(p, "author", author);
    put(p, "section", section);
    put(p, "publication", publication);
    put(p, "language", language);
    put(p, "from", from == null ? null : from.toString());
    put(p, "to", to == null ? null : to.toString());
    if (sort != SearchRequest.Sort.RELEVANCE) p.put("sort", sort.name().toLowerCase(Locale.ROOT));
    return p;
  }

  private static String url(Map<String, String> p, String key, String value) {
    if (value == null) p.remove(key);
    else p.put(key, value);
    return url(p);
  }

  private static String url(Map<String, String> p) {
    return "/search?" + query(p);
  }

  /** Parameters in one fixed order, so that the same search always has the same address. */
  private static String query(Map<String, String> p) {
    StringBuilder s = new StringBuilder();
    for (String key : ORDER) {
      String v = p.get(key);
      if (v != null) s.append(s.isEmpty() ? "" : "&").append(key).append('=').append(View.encode(v));
    }
    return s.toString();
  }

  private static void put(Map<String, String> p, String key, String value) {
    if (value != null) p.put(key, value);
  }

  private static void clause(StringBuilder s, String field, String value) {
    if (value == null) return;
    String quoted = value.replace("\\", "\\\\").replace("\"", "\\\"");
    s.append(' ').append(field).append(":\"").append(quoted).append('"');
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
