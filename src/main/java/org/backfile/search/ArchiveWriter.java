package org.backfile.search;

import org.backfile.ingest.Article;

/**
 * Changes to an archive while it is served. Each call returns once the change is durable and
 * searchable, so a client that reads right after sees it.
 */
public interface ArchiveWriter {

  /** Adds an article, or replaces the one with its id; it joins the group of any copy it is of. */
  Article add(Article article);

  /** @return false when no article has that id */
  boolean delete(String id);
}
