package org.backfile.ingest;

/**
 * A file that was not imported, and why. {@code earlier} is true when the file failed in an earlier
 * run and was not tried again (unchanged, and no {@code --retry-failed}).
 */
public record ImportFailure(String source, ExtractionException.Reason reason, String message, boolean earlier) {

  public ImportFailure(String source, ExtractionException.Reason reason, String message) {
    this(source, reason, message, false);
  }
}
