package org.backfile.search;

import java.util.Map;
import org.backfile.ingest.PartialDate;

/** What an index holds. {@code earliest}/{@code latest} are null when nothing is dated. */
public record ArchiveStats(long articles, long authors, PartialDate earliest, PartialDate latest,
    long undated, Map<String, Long> formats, long indexBytes) {

  public ArchiveStats {
    formats = Map.copyOf(formats);
  }
}
