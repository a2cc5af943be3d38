package org.backfile.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What an import did: files looked at, files imported (and the articles they gave), files skipped
 * as unchanged since the last import, sources removed because their file is gone (prune), and the
 * files that failed, now or in an earlier run.
 */
public record ImportSummary(long files, long imported, long articles, long skipped, long removed,
    List<ImportFailure> failures, Duration elapsed) {

  public ImportSummary {
    failures = List.copyOf(failures);
  }

  public boolean failed() {
    return !failures.isEmpty();
  }
}
