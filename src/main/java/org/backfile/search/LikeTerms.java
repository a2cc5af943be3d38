package org.backfile.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;

/**
 * A field's most distinctive words (tf·idf), chosen as Lucene's {@code MoreLikeThis.like(field,
 * reader)} chooses them and weighted as it weights them, but with each word looked up once per
 * segment: the words are sought in sorted order with one terms enumerator per segment (MoreLikeThis
 * opens one per word and segment), document frequencies are remembered per reader (see
 * {@link DocFreqCache}), and what the lookup finds is kept in the query's term queries, so that the
 * search does not seek the chosen words again.
 */
final class LikeTerms {

  /** MoreLikeThis's default: tokens past this many in a field are not read. */
  static final int MAX_TOKENS = 5000;
  private static final ClassicSimilarity TF_IDF = new ClassicSimilarity();

  private final IndexReader reader;
  private final DocFreqCache docFreqs;
  private final Analyzer analyzer;
  private final int maxTerms;
  private final int minDocFreq;
  private final int minWordLength;

  /**
   * @param maxTerms at most this many terms per field
   * @param minDocFreq words in fewer documents than this are left out
   * @param minWordLength words shorter than this (after analysis) are left out
   */
  LikeTerms(IndexReader reader, DocFreqCache docFreqs, Analyzer analyzer, int maxTerms, int minDocFreq,
      int minWordLength) {
    this.reader = reader;
    this.docFreqs = docFreqs;
    this.analyzer = analyzer;
    this.maxTerms = maxTerms;
    this.minDocFreq = minDocFreq;
    this.minWordLength = minWordLength;
  }

  /**
   * The field's chosen terms as SHOULD clauses of boosted term queries (boost: the term's tf·idf over
   * the lowest chosen one's, as MoreLikeThis has it), lowest first, added to {@code out}.
   */
  void addTo(BooleanQuery.Builder out, String field, String text) throws IOException {
    Map<String, int[]> freqs = termFrequencies(field, text);
    if (freqs.isEmpty()) return;
    String[] words = freqs.keySet().toArray(new String[0]);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < words.length; i++) index.put(words[i], i);
    List<LeafReaderContext> leaves = reader.leaves();
    Found found = new Found(words.length, leaves.size());
    DocFreqCache.Field known = docFreqs.field(reader, field);
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      found.docFreq[i] = known.get(words[i]);
      if (found.docFreq[i] < 0) unknown.add(i);
    }
    lookUp(field, words, unknown, found);
    for (int i : unknown) known.put(words[i], found.docFreq[i]);

    long docCount = reader.getDocCount(field);
    if (docCount == -1) docCount = reader.numDocs();
    // The same queue, visiting order and tie rule as MoreLikeThis, so the same terms win.
    Chosen queue = new Chosen(Math.min(maxTerms, words.length));
    for (Map.Entry<String, int[]> e : freqs.entrySet()) {
      int i = index.get(e.getKey());
      int docFreq = found.docFreq[i];
      if (docFreq == 0 || docFreq < minDocFreq) continue;
      float score = e.getValue()[0] * TF_IDF.idf(docFreq, docCount);
      if (queue.size() < queue.limit) {
        queue.add(new Scored(i, score));
      } else if (queue.top().score < score) {
        queue.top().index = i;
        queue.top().score = score;
        queue.updateTop();
      }
    }

    List<Scored> chosen = new ArrayList<>();
    for (Scored s = queue.pop(); s != null; s = queue.pop()) chosen.add(s);
    // Words whose frequency was remembered are sought now, for the states the search needs.
    List<Integer> toSeek = new ArrayList<>();
    for (Scored s : chosen) if (found.states[s.index] == null) toSeek.add(s.index);
    lookUp(field, words, toSeek, found);
    IndexReaderContext top = reader.getContext();
    float lowest = -1;
    for (Scored s : chosen) {
      TermStates states = new TermStates(top);
      TermState[] perLeaf = found.states[s.index];
      for (int ord = 0; ord < leaves.size(); ord++) {
        if (perLeaf != null && perLeaf[ord] != null) states.register(perLeaf[ord], ord);
      }
      states.accumulateStatistics(found.docFreq[s.index], found.totalTermFreq[s.index]);
      if (lowest == -1) lowest = s.score;
      out.add(new BoostQuery(new TermQuery(new Term(field, words[s.index]), states), s.score / lowest),
          BooleanClause.Occur.SHOULD);
    }
  }

  /**
   * Looks the words up in every segment, in the index's (byte) order so that each segment's one
   * enumerator only moves forward; sets their document and total frequencies and term states.
   */
  private void lookUp(String field, String[] words, List<Integer> which, Found found) throws IOException {
    if (which.isEmpty()) return;
    BytesRef[] bytes = new BytesRef[which.size()];
    for (int k = 0; k < bytes.length; k++) bytes[k] = new BytesRef(words[which.get(k)]);
    Integer[] order = new Integer[bytes.length];
    for (int k = 0; k < order.length; k++) order[k] = k;
    Arrays.sort(order, (a, b) -> bytes[a].compareTo(bytes[b]));
    for (int k : order) {
      int i = which.get(k);
      found.docFreq[i] = 0;
      found.totalTermFreq[i] = 0;
      found.states[i] = new TermState[reader.leaves().size()];
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) continue;
      TermsEnum seek = terms.iterator();
      for (int k : order) {
        if (!seek.seekExact(bytes[k])) continue;
        int i = which.get(k);
        found.docFreq[i] += seek.docFreq();
        found.totalTermFreq[i] += seek.totalTermFreq();
        found.states[i][leaf.ord] = seek.termState();
      }
    }
  }

  /** Per word: document and total frequency, and its term state in each segment (null until sought). */
  private static final class Found {
    final int[] docFreq;
    final long[] totalTermFreq;
    final TermState[][] states;

    Found(int words, int leaves) {
      docFreq = new int[words];
      totalTermFreq = new long[words];
      states = new TermState[words][];
    }
  }

  /** Analysed word → its count, in a hash map filled in text order (its iteration order decides ties). */
  private Map<String, int[]> termFrequencies(String field, String text) throws IOException {
    Map<String, int[]> freqs = new HashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      TermFrequencyAttribute tf = tokens.addAttribute(TermFrequencyAttribute.class);
      tokens.reset();
      int count = 0;
      while (tokens.incrementToken()) {
        if (++count > MAX_TOKENS) break;
        if (term.length() < minWordLength) continue;
        int[] n = freqs.get(term.toString());
        if (n == null) freqs.put(term.toString(), new int[] {tf.getTermFrequency()});
        else n[0] += tf.getTermFrequency();
      }
      tokens.end();
    }
    return freqs;
  }

  private static final class Scored {
    int index;
    float score;

    Scored(int index, float score) {
      this.index = index;
      this.score = score;
    }
  }

  /** Lowest score on top, as in MoreLikeThis, so the lowest chosen term comes out first. */
  private static final class Chosen extends PriorityQueue<Scored> {
    final int limit;

    Chosen(int limit) {
      super(limit);
      this.limit = limit;
    }

    @Override
    protected boolean lessThan(Scored a, Scored b) {
      return a.score < b.score;
    }
  }
}
