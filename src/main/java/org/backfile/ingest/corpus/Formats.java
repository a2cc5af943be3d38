package org.backfile.ingest.corpus;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Which file formats a corpus is written in; {@code mixed} gives each article one of html, eml, jsonl. */
public enum Formats {
  JSONL, HTML, EML, MIXED;

  public static Formats parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format must be one of jsonl, html, eml, mixed, got '" + name + "'");
    }
  }

  String pick(SplittableRandom r) {
    if (this != MIXED) return name().toLowerCase(Locale.ROOT);
    int p = r.nextInt(100);
    return p < 45 ? "html" : p < 70 ? "eml" : "jsonl";
  }

  static final List<String> ALL = List.of("jsonl", "html", "eml");
}
