package org.backfile.search;

import java.util.List;
import org.backfile.ingest.PartialDate;

/**
 * A "more like this" teaser for an article's sidebar.
 *
 * @param because the distinctive words it shares with the article, weightiest first
 */
public record RelatedArticle(String id, String title, String summary, PartialDate published, float score,
    List<String> because) {

  public RelatedArticle {
    because = List.copyOf(because);
  }
}
