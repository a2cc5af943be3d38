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
 * <p>Long bodies: the pass goes on until it has found every word of the query (or reached the end,
 * as before), and then stops {@link #WINDOW_CHARS} past the first match. A match far into a long
 * body is still found and marked; the best passages are those of that stretch rather than of the
 * whole body. Short bodies (the window covers them) are highlighted exactly as before.
 *
 * <p>Lucene's strategy for this case ({@code MemoryIndexOffsetStrategy}) indexes the matching tokens
 * into a one-document {@code MemoryIndex} and reads them back as postings: per word, its offsets in
 * order and its count in the body, which the passage scorer weighs (a word rare in the body counts
 * for more). This class hands the highlighter the same per-word offsets and counts from lists,
 * without the index, its sorting and its per-body objects. (Lucene's cheaper
 * {@code TokenStreamOffsetStrategy} gives up the counts, and with them that weighing.)
 */
final class QueryTermOffsets extends AnalysisOffsetStrategy {

  /**
   * How far past a body's first match the passages are sought, once every word has been found. The
   * analysis is what costs (about 20-40 MB/s); a news body is 3,400 characters at the median and
   * 10,500 at the 90th percentile (scrapinghub set), but an archive also holds books and reports.
   */
  static final int WINDOW_CHARS = 10_000;

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
    int wordsFound = 0;
    int stopAt = Integer.MAX_VALUE;
    try (TokenStream tokens = tokenStream(content)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (offset.startOffset() >= stopAt && wordsFound == terms.length) break;
        Integer t = index.get(term.buffer(), 0, term.length());
        if (t == null) continue;
        if (found[t] == null) {
          found[t] = new Occurrences(terms[t]);
          wordsFound++;
        }
        found[t].add(offset.startOffset(), offset.endOffset());
        if (stopAt == Integer.MAX_VALUE) stopAt = offset.startOffset() + WINDOW_CHARS;
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
