package org.backfile.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What the import journal knows about one source file: what it looked like when it was last
 * imported (size, modification time, content hash), whether that worked, and which articles it
 * gave. {@code reason} and {@code message} are set for failures only.
 */
public record JournalEntry(String source, long size, long modifiedMillis, String sha256, Status status,
    List<String> ids, String reason, String message, String time) {

  /** What happened to a source. */
  public enum Status { IMPORTED, FAILED, REMOVED }

  public JournalEntry {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  /** The same file seen with a new modification time (touched, same bytes). */
  JournalEntry touched(long newModifiedMillis, String newTime) {
    return new JournalEntry(source, size, newModifiedMillis, sha256, status, ids, reason, message, newTime);
  }
}
