package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.uhighlight.AnalysisOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.util.BytesRef;

/**
 * Offsets of a query's plain words in a body, taken from one pass over the body's token stream.
 *
 * <p>Lucene's strategy for this case ({@code MemoryIndexOffsetStrategy}) indexes the matching tokens
 * into a one-document {@code MemoryIndex} and reads them back as postings: per word, its offsets in
 * order and its count in the body, which the passage scorer weighs (a word rare in the body counts
 * for more). This class hands the highlighter the same per-word offsets and counts from lists,
 * without the index, its sorting and its per-body objects. (Lucene's cheaper
 * {@code TokenStreamOffsetStrategy} gives up the counts, and with them that weighing.)
 */
final class QueryTermOffsets extends AnalysisOffsetStrategy {

  private final BytesRef[] terms;
  /** Analysed form of each word -> its index in {@link #terms}. */
  private final CharArrayMap<Integer> index;

  QueryTermOffsets(UHComponents components, Analyzer analyzer) {
    super(components, analyzer);
    if (!handles(components)) throw new IllegalArgumentException("components: not plain words: " + components.query());
    terms = components.terms();
    index = new CharArrayMap<>(terms.length, false);
    for (int i = 0; i < terms.length; i++) index.put(terms[i].utf8ToString(), i);
  }

  /** True when the query's part for this field is plain words: no phrases, wildcards or unknown parts. */
  static boolean handles(UHComponents components) {
    return components.terms() != null && components.automata() != null && components.automata().length == 0
        && !components.hasUnrecognizedQueryPart()
        && !components.phraseHelper().hasPositionSensitivity()
        && !components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
    Occurrences[] found = new Occurrences[terms.length];
    try (TokenStream tokens = tokenStream(content)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        Integer t = index.get(term.buffer(), 0, term.length());
        if (t == null) continue;
        if (found[t] == null) found[t] = new Occurrences(terms[t]);
        found[t].add(offset.startOffset(), offset.endOffset());
      }
      tokens.end();
    }
    List<OffsetsEnum> enums = new ArrayList<>(terms.length);
    for (Occurrences o : found) if (o != null) enums.add(o);
    return switch (enums.size()) {
      case 0 -> OffsetsEnum.EMPTY;
      case 1 -> enums.get(0);
      default -> new OffsetsEnum.MultiOffsetsEnum(enums);
    };
  }

  /** One word's offsets in the body, in order; its frequency is their count, as a posting's is. */
  private static final class Occurrences extends OffsetsEnum {
    private final BytesRef term;
    private int[] starts = new int[4];
    private int[] ends = new int[4];
    private int count;
    private int at = -1;

    Occurrences(BytesRef term) {
      this.term = term;
    }

    void add(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = start;
      ends[count++] = end;
    }

    @Override
    public boolean nextPosition() {
      if (at + 1 >= count) return false;
      at++;
      return true;
    }

    @Override
    public int freq() {
      return count;
    }

    @Override
    public BytesRef getTerm() {
      return term;
    }

    @Override
    public int startOffset() {
      return starts[at];
    }

    @Override
    public int endOffset() {
      return ends[at];
    }
  }
}
