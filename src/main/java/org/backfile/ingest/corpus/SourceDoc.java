package org.backfile.ingest.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One document of a source collection, reduced to what the generator recombines.
 *
 * @param corpus short name of the collection ({@code 20news}, {@code reuters}, ...)
 * @param cluster documents of one cluster share a topic (a newsgroup, a Reuters topic, a debate),
 *     so paragraphs drawn from one cluster read as one article
 * @param title the document's own title, cleaned; may be empty
 * @param paragraphs prose paragraphs, whitespace collapsed; never empty
 * @param names real person names found in the document (authors, bylines)
 * @param section the section a generated article from this document is filed under
 * @param tags topic labels of the document
 * @param language ISO code when the collection is known to be in one language, else null
 */
record SourceDoc(String corpus, String cluster, String title, List<String> paragraphs,
    List<String> names, String section, List<String> tags, String language) {

  SourceDoc {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(cluster, "cluster");
    title = title == null ? "" : title;
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty()) throw new IllegalArgumentException("a source document needs a paragraph");
    names = List.copyOf(names);
    tags = List.copyOf(tags);
  }
}
