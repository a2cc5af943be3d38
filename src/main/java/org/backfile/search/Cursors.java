package org.backfile.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Opaque cursors for deep paging: the sort values of the last hit of a page, so the next page
 * starts right after it (search-after), however deep. Ties are broken by id, so a cursor points
 * at one place even while articles are added.
 */
final class Cursors {

  private Cursors() {}

  static String encode(SearchRequest.Sort sort, FieldDoc last) {
    Object first = last.fields[0];
    String id = ((BytesRef) last.fields[1]).utf8ToString();
    String value = sort == SearchRequest.Sort.RELEVANCE
        ? Integer.toHexString(Float.floatToIntBits((Float) first))
        : Long.toString((Long) first);
    String raw = sort.label() + "|" + value + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static FieldDoc decode(SearchRequest.Sort sort, String cursor, int maxDoc) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 3);
      if (parts.length != 3 || !parts[0].equals(sort.label())) throw new IllegalArgumentException(raw);
      Object first = sort == SearchRequest.Sort.RELEVANCE
          ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16))
          : (Object) Long.parseLong(parts[1]);
      // The last doc id: ids are unique, so only the hit the cursor names ties on every sort value,
      // and a tie is "after" only for a larger doc id: that hit is never repeated.
      return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, new Object[] {first, new BytesRef(parts[2])});
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("cursor",
          "cursor is not one this search returned (it belongs to another sort, or is damaged)");
    }
  }
}
