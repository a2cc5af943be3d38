package org.backfile.ingest;

import java.time.Duration;
import java.util.List;

/** What an import did. */
public record ImportSummary(long files, long articles, List<ImportFailure> failures, Duration elapsed) {

  public ImportSummary {
    failures = List.copyOf(failures);
  }

  public boolean failed() {
    return !failures.isEmpty();
  }
}
