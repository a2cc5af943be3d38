package org.backfile.ingest;

/** A file that could not be turned into articles, with a reason an importer can count. */
public class ExtractionException extends Exception {

  /** Why a file failed; stable names, used in reports. */
  public enum Reason {
    CORRUPT, ENCRYPTED, UNSUPPORTED, TOO_LARGE, TIMED_OUT, EMPTY, UNREADABLE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final String source;
  private final Reason reason;

  public ExtractionException(String source, Reason reason, String message) {
    this(source, reason, message, null);
  }

  public ExtractionException(String source, Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.reason = reason;
  }

  public String source() {
    return source;
  }

  public Reason reason() {
    return reason;
  }
}
