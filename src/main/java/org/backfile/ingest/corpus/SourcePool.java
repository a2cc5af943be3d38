package org.backfile.ingest.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the generator draws from, read once from the sources: documents grouped by cluster,
 * a list of real person names (the authors), the tag vocabulary, and frequent words for queries.
 */
final class SourcePool {

  final List<SourceDoc> docs;
  final Map<String, List<SourceDoc>> clusters;
  final List<String> authors;
  final List<String> tags;
  final Map<String, Integer> docsPerCorpus;

  private SourcePool(List<SourceDoc> docs, List<String> authors, List<String> tags) {
    this.docs = List.copyOf(docs);
    Map<String, List<SourceDoc>> byCluster = new TreeMap<>();
    Map<String, Integer> perCorpus = new TreeMap<>();
    for (SourceDoc d : docs) {
      byCluster.computeIfAbsent(d.cluster(), k -> new ArrayList<>()).add(d);
      perCorpus.merge(d.corpus(), 1, Integer::sum);
    }
    this.clusters = byCluster;
    this.docsPerCorpus = perCorpus;
    this.authors = List.copyOf(authors);
    this.tags = List.copyOf(tags);
  }

  /** Reads the sources in a fixed order; {@code authorCount} names are kept, in a seeded order. */
  static SourcePool read(CorpusSources sources, int authorCount, long seed) throws IOException {
    List<SourceDoc> docs = new ArrayList<>();
    if (sources.newsgroups() != null) SourceCorpora.newsgroups(sources.newsgroups(), docs::add);
    if (sources.reuters() != null) SourceCorpora.reuters(sources.reuters(), docs::add);
    if (sources.cacm() != null) SourceCorpora.cacm(sources.cacm(), docs::add);
    if (sources.europarl() != null) SourceCorpora.europarl(sources.europarl(), docs::add);
    return of(docs, authorCount, seed);
  }

  static SourcePool of(List<SourceDoc> docs, int authorCount, long seed) {
    if (docs.isEmpty()) throw new IllegalArgumentException("the sources hold no usable paragraphs");
    TreeSet<String> names = new TreeSet<>();
    Map<String, Integer> tagCounts = new TreeMap<>();
    for (SourceDoc d : docs) {
      names.addAll(d.names());
      for (String t : d.tags()) tagCounts.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    if (names.isEmpty()) throw new IllegalArgumentException("the sources name no people to use as authors");
    // Sorted, then shuffled with the seed: which names are frequent does not follow the alphabet.
    List<String> authors = new ArrayList<>(names);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = authors.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = authors.get(i);
      authors.set(i, authors.get(j));
      authors.set(j, t);
    }
    List<String> tags = new ArrayList<>(tagCounts.keySet());
    tags.sort(Comparator.comparing((String t) -> -tagCounts.get(t)).thenComparing(t -> t));
    return new SourcePool(docs, authors.subList(0, Math.min(authorCount, authors.size())), tags);
  }

  /** {@code k} frequent words (4-12 letters) after skipping the 100 most frequent, which act as stop words. */
  List<String> frequentWords(int k) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SourceDoc d : docs) {
      if (!"en".equals(d.language())) continue;
      for (String p : d.paragraphs()) {
        for (String w : p.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
          if (w.length() >= 4 && w.length() <= 12) counts.merge(w, 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .skip(Math.min(100, counts.size() / 10)).limit(k).map(Map.Entry::getKey).toList();
  }
}
