package org.backfile.search;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backfile.ingest.PartialDate;

/**
 * What a reader asked for. Built by the web and CLI layers from strings; checked here once.
 *
 * @param query the query text; blank lists every article (filters still apply)
 * @param author exact author name, or null (likewise section, publication, language, format, tag)
 * @param from earliest date (an article's whole date must lie in the range), or null
 * @param undated only articles without a date
 * @param cursor where the previous page ended (from {@link SearchPage#nextCursor()}); replaces
 *     {@code page} and reaches past {@link #MAX_DEPTH}
 */
public record SearchRequest(String query, String author, PartialDate from, PartialDate to,
    String section, String publication, String language, String format, String tag,
    boolean undated, Sort sort, int page, int size, String cursor) {

  public static final int MAX_SIZE = 100;
  /** Deepest result reachable by page number; deeper paging needs a cursor. */
  public static final int MAX_DEPTH = 10_000;
  public static final int MAX_QUERY_CHARS = 2_000;

  /** Result order. */
  public enum Sort {
    RELEVANCE, NEWEST, OLDEST;

    public static Sort parse(String value) {
      if (value == null || value.isBlank()) return RELEVANCE;
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("sort",
            "sort must be relevance, newest or oldest, got '" + value + "'");
      }
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SearchRequest {
    query = query == null ? "" : query.strip();
    if (query.length() > MAX_QUERY_CHARS) {
      throw new InvalidParameterException("q",
          "q must be at most " + MAX_QUERY_CHARS + " characters, got " + query.length());
    }
    author = blankToNull(author);
    section = blankToNull(section);
    publication = blankToNull(publication);
    language = blankToNull(language);
    format = blankToNull(format);
    tag = blankToNull(tag);
    cursor = blankToNull(cursor);
    sort = sort == null ? Sort.RELEVANCE : sort;
    checkSize(size, MAX_SIZE);
    if (page < 1) {
      throw new InvalidParameterException("page", "page must be 1 or more, got " + page);
    }
    if (cursor == null && (long) page * size > MAX_DEPTH) {
      throw new InvalidParameterException("page", "page " + page + " of size " + size
          + " goes past result " + MAX_DEPTH + "; follow nextCursor to page deeper");
    }
    if (from != null && to != null && from.start().isAfter(to.end())) {
      throw new InvalidParameterException("from", "from (" + from + ") is after to (" + to + ")");
    }
    if (undated && (from != null || to != null)) {
      throw new InvalidParameterException("undated", "undated cannot be combined with from/to");
    }
  }

  /** The common form: no facet filters beyond author and section, no cursor. */
  public SearchRequest(String query, String author, PartialDate from, PartialDate to,
      String section, Sort sort, int page, int size) {
    this(query, author, from, to, section, null, null, null, null, false, sort, page, size, null);
  }

  /** The size check of every list the archive answers (search, related, suggestions), one message. */
  public static void checkSize(int size, int max) {
    if (size < 1 || size > max) {
      throw new InvalidParameterException("size", "size must be 1.." + max + ", got " + size);
    }
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, Sort.RELEVANCE, 1, 10);
  }

  public SearchRequest withPage(int newPage, String newCursor) {
    return new SearchRequest(query, author, from, to, section, publication, language, format, tag,
        undated, sort, newPage, size, newCursor);
  }

  public SearchRequest withSize(int newSize) {
    return new SearchRequest(query, author, from, to, section, publication, language, format, tag,
        undated, sort, page, newSize, cursor);
  }

  /** The filters in force, by parameter name, for export headers and citations. */
  public Map<String, String> filters() {
    Map<String, String> f = new LinkedHashMap<>();
    put(f, "author", author);
    put(f, "from", from == null ? null : from.toString());
    put(f, "to", to == null ? null : to.toString());
    put(f, "section", section);
    put(f, "publication", publication);
    put(f, "language", language);
    put(f, "format", format);
    put(f, "tag", tag);
    if (undated) f.put("undated", "true");
    return f;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null) map.put(key, value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
