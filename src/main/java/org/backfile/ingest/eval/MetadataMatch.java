package org.backfile.ingest.eval;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How extracted metadata is compared with annotations. Titles: case, whitespace, Unicode form,
 * invisible format characters (soft hyphens) and typographic quotes/dashes are ignored. Authors:
 * both sides become sets of names, split on {@code , ; &} and the words "and"/"und", without a
 * leading "by"/"von", compared ignoring case and whitespace. Dates: {@code YYYY-MM-DD} strings
 * must be equal. An empty annotation means "none", and is matched by extracting nothing.
 */
final class MetadataMatch {

  private MetadataMatch() {}

  static boolean title(String expected, String actual) {
    return normal(expected).equals(normal(actual));
  }

  static boolean author(String expected, List<String> actual) {
    Set<String> want = names(expected);
    Set<String> got = new TreeSet<>();
    if (actual != null) {
      for (String a : actual) {
        got.addAll(names(a));
      }
    }
    return want.equals(got);
  }

  static boolean date(String expected, String actual) {
    String e = expected == null ? "" : expected.strip();
    String a = actual == null ? "" : actual.strip();
    return e.equals(a);
  }

  static Set<String> names(String s) {
    Set<String> out = new TreeSet<>();
    if (s == null) {
      return out;
    }
    for (String part : s.split("\\s*(?:[,;&]|\\band\\b|\\bund\\b)\\s*")) {
      String n = normal(part).replaceFirst("^(?:by|von)\\s+", "").strip();
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  static String normal(String s) {
    if (s == null) {
      return "";
    }
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("\\p{Cf}", "") // invisible format characters: soft hyphens, zero-width joiners
        .replaceAll("[‘’‚‛′]", "'").replaceAll("[“”„‟″«»]", "\"")
        .replaceAll("[‐‑‒–—―]", "-")
        .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
