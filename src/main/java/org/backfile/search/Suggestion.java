package org.backfile.search;

/**
 * A completion for a search box.
 *
 * @param kind "author" or "title"
 * @param id the article's id for a title, null for an author
 */
public record Suggestion(String kind, String text, String id) {

  /** Most suggestions one request may ask for. */
  public static final int MAX = 20;
}
