package org.backfile.ingest;

import java.util.Objects;

/**
 * What an import did with one file, as it happens (for a per-file report). {@code reason} and
 * {@code message} are set for failures only.
 */
public record FileResult(String source, Status status, int articles, ExtractionException.Reason reason,
    String message) {

  /** Imported now, unchanged since the last import, failed now or earlier, or gone and pruned. */
  public enum Status {
    IMPORTED, UNCHANGED, FAILED, FAILED_EARLIER, REMOVED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public FileResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
  }

  static FileResult of(ImportFailure f) {
    return new FileResult(f.source(), f.earlier() ? Status.FAILED_EARLIER : Status.FAILED, 0, f.reason(), f.message());
  }
}
