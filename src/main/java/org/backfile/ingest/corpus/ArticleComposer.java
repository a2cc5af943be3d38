package org.backfile.ingest.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds article number {@code i} from its own random stream (seeded by the corpus seed and
 * {@code i}), so any article can be made alone, in any order or in parallel, with the same result.
 */
final class ArticleComposer {

  /** Thirty years of dates: 1996-01-01 to 2025-12-31. */
  static final LocalDate FIRST_DAY = LocalDate.of(1996, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
  private static final long DAYS = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
  private static final Map<String, String> PUBLICATIONS = Map.of("20news", "Usenet", "reuters", "Reuters",
      "cacm", "Communications of the ACM", "europarl", "European Parliament Debates");

  private final SourcePool pool;
  private final long seed;
  private final Formats formats;
  private final ZipfSampler authors;

  ArticleComposer(SourcePool pool, long seed, Formats formats) {
    this.pool = pool;
    this.seed = seed;
    this.formats = formats;
    this.authors = new ZipfSampler(pool.authors.size(), 1.0);
  }

  GeneratedArticle compose(int i) {
    SplittableRandom r = new SplittableRandom(mix(seed, i));
    SourceDoc lead = pool.docs.get(r.nextInt(pool.docs.size()));
    List<SourceDoc> cluster = pool.clusters.get(lead.cluster());
    int wanted = 2 + r.nextInt(5);   // 2..6 paragraphs
    Set<String> paragraphs = new LinkedHashSet<>();
    int from = r.nextInt(lead.paragraphs().size());
    for (int p = from; p < lead.paragraphs().size() && paragraphs.size() < Math.min(wanted, 3); p++) {
      paragraphs.add(lead.paragraphs().get(p));
    }
    for (int tries = 0; paragraphs.size() < wanted && tries < wanted * 3; tries++) {
      SourceDoc other = cluster.get(r.nextInt(cluster.size()));
      paragraphs.add(other.paragraphs().get(r.nextInt(other.paragraphs().size())));
    }
    List<String> body = new ArrayList<>(paragraphs);
    String title = lead.title().isBlank() ? leadWords(body.get(0)) : lead.title();

    int authorCount = r.nextInt(100) < 2 ? 0 : r.nextInt(100) < 10 ? 2 : 1;
    Set<String> byline = new LinkedHashSet<>();
    for (int a = 0; a < authorCount; a++) byline.add(pool.authors.get(authors.sample(r)));

    LocalDate day = FIRST_DAY.plusDays(r.nextLong(DAYS));
    int p = r.nextInt(100);
    String precision = p < 2 ? "year" : p < 5 ? "month" : "day";
    if (p == 99) day = null;   // 1 % undated

    Set<String> tagSet = new LinkedHashSet<>();
    for (String t : lead.tags()) if (tagSet.size() < 3) tagSet.add(t.toLowerCase(java.util.Locale.ROOT));
    // A second topic from the same cluster, so tags stay plausible (no "guns" on a farm-price story).
    if (r.nextInt(100) < 30) {
      List<String> more = cluster.get(r.nextInt(cluster.size())).tags();
      if (!more.isEmpty()) tagSet.add(more.get(r.nextInt(more.size())).toLowerCase(java.util.Locale.ROOT));
    }

    List<String> teasers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      SourceDoc other = cluster.get(r.nextInt(cluster.size()));
      if (!other.title().isBlank() && !other.title().equals(title)) teasers.add(other.title());
    }
    return new GeneratedArticle(i, title, List.copyOf(byline), day, precision, lead.section(),
        List.copyOf(tagSet), PUBLICATIONS.getOrDefault(lead.corpus(), lead.corpus()), lead.language(), body,
        teasers, formats.pick(r));
  }

  /** The first words of the lead, cut at a sentence or word boundary: a title for untitled sources. */
  static String leadWords(String paragraph) {
    String[] words = paragraph.split(" ");
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < words.length && w < 10; w++) {
      if (w > 0) b.append(' ');
      b.append(words[w]);
      if (w >= 3 && words[w].matches(".*[.!?:;,]$")) break;
    }
    return b.toString().replaceAll("[.,;:]+$", "");
  }

  /** SplitMix64 finaliser: neighbouring article numbers get unrelated streams. */
  static long mix(long seed, long i) {
    long z = seed * 0x9E3779B97F4A7C15L + i;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
