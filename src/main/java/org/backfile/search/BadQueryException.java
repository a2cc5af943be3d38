package org.backfile.search;

/** A query that cannot be parsed; the message names the query and where it breaks. */
public final class BadQueryException extends ArchiveUserException {

  public BadQueryException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return "bad_query";
  }
}
