package org.backfile.search;

import java.util.List;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;

/** An article in a list: archive pages, author pages, feeds. */
public record ArticleSummary(String id, String title, List<String> authors, PartialDate published,
    String summary) {

  public ArticleSummary {
    authors = List.copyOf(authors);
  }

  public static ArticleSummary of(Article a) {
    return new ArticleSummary(a.id(), a.title(), a.authors(), a.published(), a.summary());
  }
}
