package org.backfile.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.backfile.index.ArticleSchema;

/**
 * The unified highlighter over bodies the caller has already read, with a cheaper offset source for
 * queries of plain words.
 *
 * <p>Bodies: the search reads each hit's stored document for the hit anyway, and the stock
 * highlighter read the body a second time through a fresh {@code StoredFields}, inflating the same
 * DEFLATE block again (a fifth of a search's CPU at 1M articles).
 *
 * <p>Offsets: for words without phrases or wildcards, Lucene re-analyses the body into a
 * {@code MemoryIndex} and reads the postings back; {@link QueryTermOffsets} collects the same
 * offsets and in-body frequencies straight from the token stream, so the passages and their scores
 * are the same. Every other query keeps Lucene's own strategy.
 */
final class BodyHighlighter extends UnifiedHighlighter {

  private final Map<Integer, String> bodies;

  /** @param bodies the stored body of each hit, in the order of {@code hits} */
  BodyHighlighter(Builder builder, ScoreDoc[] hits, String[] bodies) {
    super(builder);
    if (hits.length != bodies.length) {
      throw new IllegalArgumentException("bodies: " + bodies.length + " for " + hits.length + " hits");
    }
    this.bodies = HashMap.newHashMap(hits.length);
    for (int i = 0; i < hits.length; i++) this.bodies.put(hits[i].doc, bodies[i]);
  }

  /** All the asked-for documents at once: there is nothing left to read, so no need to batch. */
  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
      throws java.io.IOException {
    if (fields.length != 1 || !fields[0].equals(ArticleSchema.BODY)) {
      throw new IllegalArgumentException("fields: only " + ArticleSchema.BODY + " is held, not " + List.of(fields));
    }
    List<CharSequence[]> values = new ArrayList<>();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (!bodies.containsKey(doc)) throw new IllegalArgumentException("no body was handed over for doc " + doc);
      String body = bodies.get(doc);
      // as the stored-field loader does: the text is cut at the highlighter's maximum length
      values.add(new CharSequence[] {body == null ? null : body.substring(0, Math.min(getMaxLength(), body.length()))});
    }
    return values;
  }

  @Override
  protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
    if (source == OffsetSource.ANALYSIS && QueryTermOffsets.handles(components)) {
      return new QueryTermOffsets(components, getIndexAnalyzer());
    }
    return super.getOffsetStrategy(source, components);
  }
}
