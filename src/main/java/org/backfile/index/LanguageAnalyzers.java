package org.backfile.index;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * Lucene's own analysers for the languages import detects besides English. A non-English article's
 * title and body are also indexed into {@code body_<lang>} with its language's stemmer, so a German
 * reader searching "Haus" finds "Häuser".
 */
public final class LanguageAnalyzers {

  private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = Map.ofEntries(
      Map.entry("de", GermanAnalyzer::new),
      Map.entry("fr", FrenchAnalyzer::new),
      Map.entry("es", SpanishAnalyzer::new),
      Map.entry("it", ItalianAnalyzer::new),
      Map.entry("nl", DutchAnalyzer::new),
      Map.entry("pt", PortugueseAnalyzer::new),
      Map.entry("sv", SwedishAnalyzer::new),
      Map.entry("da", DanishAnalyzer::new),
      Map.entry("no", NorwegianAnalyzer::new),
      Map.entry("fi", FinnishAnalyzer::new),
      Map.entry("ru", RussianAnalyzer::new));

  private LanguageAnalyzers() {}

  /** The field holding articles of a language, when that language has its own analyser. */
  public static Optional<String> fieldFor(String language) {
    return language != null && BY_LANGUAGE.containsKey(language)
        ? Optional.of(ArticleSchema.BODY + "_" + language) : Optional.empty();
  }

  /** Analysers made so far, by field: each is made when a field of its language is first analysed. */
  private static final Map<String, Analyzer> BY_FIELD = new ConcurrentHashMap<>();

  /** The analyser of a {@code body_<lang>} field; empty for any other field. */
  static Optional<Analyzer> forField(String field) {
    if (!field.startsWith(ArticleSchema.BODY + "_")) return Optional.empty();
    Supplier<Analyzer> make = BY_LANGUAGE.get(field.substring(ArticleSchema.BODY.length() + 1));
    return make == null ? Optional.empty() : Optional.of(BY_FIELD.computeIfAbsent(field, f -> make.get()));
  }

  public static Iterable<String> languages() {
    return BY_LANGUAGE.keySet();
  }
}
