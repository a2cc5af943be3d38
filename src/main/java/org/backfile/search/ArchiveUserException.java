package org.backfile.search;

/** A mistake in what a user asked for; the message says what to fix. Shown as a 400. */
public abstract class ArchiveUserException extends RuntimeException {

  protected ArchiveUserException(String message) {
    super(message);
  }

  /** A stable, machine-readable error code, e.g. {@code bad_query}. */
  public abstract String code();
}
