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
 * facet filter, remove it again, sort, page. The parameters are the API's: the same search has the
 * same address on the page, in the JSON API, the export and the feed.
 *
 * @param type the "format" facet's filter (content type)
 */
public record SearchForm(String q, String author, String section, String publication, String language,
    String type, String tag, boolean undated, PartialDate from, PartialDate to, SearchRequest.Sort sort, int page) {

  private static final List<String> ORDER = List.of("q", "author", "section", "publication", "language",
      "type", "tag", "undated", "from", "to", "sort", "page");

  /** The common form, without the rarer filters. */
  public SearchForm(String q, String author, String section, String publication, String language,
      PartialDate from, PartialDate to, SearchRequest.Sort sort, int page) {
    this(q, author, section, publication, language, null, null, false, from, to, sort, page);
  }

  /** A filter that is on, with the link that turns it off. */
  public record Chip(String label, String value, String removeUrl) {}

  static SearchForm of(Request req) {
    return new SearchForm(
        orEmpty(Params.string(req, "q")),
        Params.string(req, "author"),
        Params.string(req, "section"),
        Params.string(req, "publication"),
        Params.string(req, "language"),
        Params.string(req, "type"),
        Params.string(req, "tag"),
        Params.bool(req, "undated"),
        Params.date(req, "from"),
        Params.date(req, "to"),
        SearchRequest.Sort.parse(Params.string(req, "sort")),
        Params.integer(req, "page", 1));
  }

  SearchRequest toRequest(int size) {
    return new SearchRequest(q, author, from, to, section, publication, language, type, tag, undated,
        sort, page, size, null);
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
    if (type != null) chips.add(new Chip("Format", type, url(params(), "type", null)));
    if (tag != null) chips.add(new Chip("Tag", tag, url(params(), "tag", null)));
    if (undated) chips.add(new Chip("Date", "undated", url(params(), "undated", null)));
    return chips;
  }

  /** The link that adds a facet value as a filter, or null when that dimension cannot filter. */
  public String facetUrl(String dim, String value) {
    Map<String, String> p = params();
    switch (dim) {
      case "year" -> {
        if (value.equals("undated")) {
          p.remove("from");
          p.remove("to");
          p.put("undated", "true");
        } else if (value.matches("\\d{4}")) {
          p.remove("undated");
          p.put("from", value);
          p.put("to", value);
        } else {
          return null;
        }
      }
      case "author", "section", "publication", "language", "tag" -> p.put(dim, value);
      case "format" -> p.put("type", value);
      default -> {
        return null;
      }
    }
    return url(p);
  }

  /** Whether a facet value is the active filter of its dimension. */
  public boolean active(String dim, String value) {
    return switch (dim) {
      case "year" -> value.equals("undated") ? undated
          : year() != null && value.equals(String.format(Locale.ROOT, "%04d", year()));
      case "format" -> value.equals(type);
      case "tag" -> value.equals(tag);
      case "author" -> value.equals(author);
      case "section" -> value.equals(section);
      case "publication" -> value.equals(publication);
      case "language" -> value.equals(language);
      default -> false;
    };
  }

  /** The search narrowed to one period of the timeline ("2012" or "2012-04"). */
  public String periodUrl(String period) {
    Map<String, String> p = params();
    p.remove("undated");
    p.put("from", period);
    p.put("to", period);
    return url(p);
  }

  /** The same search with the query text replaced (did-you-mean). */
  public String withQuery(String text) {
    Map<String, String> p = params();
    p.put("q", text);
    return url(p);
  }

  public String sortUrl(SearchRequest.Sort s) {
    return url(params(), "sort", s == SearchRequest.Sort.RELEVANCE ? null : s.name().toLowerCase(Locale.ROOT));
  }

  public String pageUrl(int n) {
    Map<String, String> p = params();
    if (n > 1) p.put("page", Integer.toString(n));
    return url(p);
  }

  /** Export of every match, with the same parameters. */
  public String exportUrl(String format) {
    return "/api/export?" + query(apiParams()) + "&format=" + format;
  }

  public String feedUrl() {
    return "/feed.xml?" + query(apiParams());
  }

  private Map<String, String> apiParams() {
    return params();
  }

  /** Every parameter except the page, which any change resets. */
  private Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("q", q);
    put(p, "author", author);
    put(p, "section", section);
    put(p, "publication", publication);
    put(p, "language", language);
    put(p, "type", type);
    put(p, "tag", tag);
    if (undated) p.put("undated", "true");
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

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
