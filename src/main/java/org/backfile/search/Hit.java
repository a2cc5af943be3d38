package org.backfile.search;

import java.util.List;
import org.backfile.ingest.PartialDate;

/**
 * One search result. {@code snippet} is HTML in which only {@code <mark>} is markup: the article
 * text in it is escaped.
 */
public record Hit(String id, String title, List<String> authors, PartialDate published,
    String summary, String snippet, String url, float score) {

  public Hit {
    authors = List.copyOf(authors);
  }
}
