package org.backfile.solr;

/** Solr could not be reached, or answered with an error that is not the reader's fault. */
public final class SolrException extends RuntimeException {

  private final int status;

  SolrException(String message, int status) {
    super(message);
    this.status = status;
  }

  SolrException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /** The HTTP status Solr answered with; -1 when no node answered at all. */
  public int status() {
    return status;
  }
}
