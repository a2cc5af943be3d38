package org.backfile.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * Document frequencies of words, remembered per index reader (they change only when the index
 * does). "More like this" weighs every distinct word of an article by its rarity: looking each one
 * up in every segment was a third of a related request at a million articles, and most words of
 * an article are words that earlier articles had too. At most {@link #MAX_WORDS} words per field
 * are kept (the first ones seen, which are mostly the common ones); words past that are looked up
 * every time.
 */
final class DocFreqCache {

  /** About 100 bytes a word: some 10 MB per field at most. */
  static final int MAX_WORDS = 100_000;

  private record ForReader(IndexReader.CacheKey key, Map<String, Map<String, Integer>> fields) {}

  private volatile ForReader current;
  private final int maxWords;

  DocFreqCache() {
    this(MAX_WORDS);
  }

  DocFreqCache(int maxWords) {
    this.maxWords = maxWords;
  }

  /** The field's remembered frequencies for this reader; empty (and forgotten) for a reader that cannot be told apart. */
  Field field(IndexReader reader, String field) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) return new Field(new ConcurrentHashMap<>(), maxWords);
    ForReader c = current;
    if (c == null || c.key != helper.getKey()) {
      c = new ForReader(helper.getKey(), new ConcurrentHashMap<>());
      current = c; // a reader opened since replaces the table; requests still on the old one keep theirs
    }
    return new Field(c.fields.computeIfAbsent(field, f -> new ConcurrentHashMap<>()), maxWords);
  }

  /** One field's word → document frequency table. */
  record Field(Map<String, Integer> docFreqs, int maxWords) {

    /** The remembered frequency, or -1. */
    int get(String word) {
      Integer n = docFreqs.get(word);
      return n == null ? -1 : n;
    }

    void put(String word, int docFreq) {
      if (docFreqs.size() < maxWords) docFreqs.put(word, docFreq);
    }
  }
}
