package org.backfile.search;

import java.util.Locale;
import org.backfile.ingest.PartialDate;

/**
 * What a reader asked for. Built by the web and CLI layers from strings; checked here once.
 *
 * @param query the query text; blank lists every article (filters still apply)
 * @param author exact author name, or null
 * @param from earliest date (an article's whole date must lie in the range), or null
 * @param section exact section, or null
 */
public record SearchRequest(String query, String author, PartialDate from, PartialDate to,
    String section, Sort sort, int page, int size) {

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
  }

  public SearchRequest {
    query = query == null ? "" : query.strip();
    if (query.length() > MAX_QUERY_CHARS) {
      throw new InvalidParameterException("q",
          "q must be at most " + MAX_QUERY_CHARS + " characters, got " + query.length());
    }
    author = blankToNull(author);
    section = blankToNull(section);
    sort = sort == null ? Sort.RELEVANCE : sort;
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidParameterException("size", "size must be 1.." + MAX_SIZE + ", got " + size);
    }
    if (page < 1) {
      throw new InvalidParameterException("page", "page must be 1 or more, got " + page);
    }
    if ((long) page * size > MAX_DEPTH) {
      throw new InvalidParameterException("page",
          "page " + page + " of size " + size + " goes past result " + MAX_DEPTH + "; narrow the query");
    }
    if (from != null && to != null && from.start().isAfter(to.end())) {
      throw new InvalidParameterException("from", "from (" + from + ") is after to (" + to + ")");
    }
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, Sort.RELEVANCE, 1, 10);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
