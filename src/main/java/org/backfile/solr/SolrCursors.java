package org.backfile.solr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.backfile.search.InvalidParameterException;
import org.backfile.search.SearchRequest;

/**
 * Cursors for deep paging on Solr: Solr's own {@code cursorMark} (the sort values of the last hit,
 * ties broken by id), wrapped with the sort it belongs to so a cursor of another sort is refused
 * as it is by the embedded backend.
 */
final class SolrCursors {

  private static final String PREFIX = "solr|";

  private SolrCursors() {}

  static String encode(SearchRequest.Sort sort, String cursorMark) {
    String raw = PREFIX + sort.label() + "|" + cursorMark;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(SearchRequest.Sort sort, String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String expected = PREFIX + sort.label() + "|";
      if (!raw.startsWith(expected) || raw.length() == expected.length()) throw new IllegalArgumentException(raw);
      return raw.substring(expected.length());
    } catch (IllegalArgumentException e) {
      throw damaged();
    }
  }

  static InvalidParameterException damaged() {
    return new InvalidParameterException("cursor",
        "cursor is not one this search returned (it belongs to another sort, or is damaged)");
  }
}
