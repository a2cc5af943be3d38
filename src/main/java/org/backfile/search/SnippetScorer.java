package org.backfile.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage, weighted by the position), with the same sums in
 * the same order, but without the {@code BytesRefHash} that {@link PassageScorer#score} builds to
 * tell a passage's words apart: that hash takes a 32 KB block for every passage scored, which was
 * most of what scoring cost. A passage holds a handful of matches, so a linear scan does.
 */
final class SnippetScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    // distinct words in the order first seen, as the hash numbers them
    int[] first = new int[matches];
    int[] inPassage = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int word = 0;
      while (word < distinct && !terms[first[word]].bytesEquals(terms[i])) word++;
      if (word == distinct) first[distinct++] = i;
      inPassage[word]++;
    }
    double score = 0d;
    for (int word = 0; word < distinct; word++) {
      score += tf(inPassage[word], passage.getLength()) * weight(contentLength, freqsInDoc[first[word]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
