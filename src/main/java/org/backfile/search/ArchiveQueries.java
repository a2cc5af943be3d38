package org.backfile.search;

import java.util.Collection;
import org.apache.lucene.search.Query;

/**
 * The query language as Lucene queries, for a backend that is not the embedded index: the Solr
 * backend parses here and sends the result, so a query means the same (and fails with the same
 * message) on both.
 */
public final class ArchiveQueries {

  private ArchiveQueries() {}

  /**
   * @param languageFields the language fields ({@code body_de}, …) the archive holds
   * @throws BadQueryException naming what is wrong
   */
  public static Query parse(String text, Collection<String> languageFields) {
    return new ArchiveQueryParser(languageFields).parseQuery(text);
  }

  /** The query whose terms a highlighter marks in the stemmed body. */
  public static Query parseForHighlighting(String text, Collection<String> languageFields) {
    return new ArchiveQueryParser(languageFields).forHighlighting().parseQuery(text);
  }
}
