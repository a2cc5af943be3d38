package org.backfile.index;

import java.util.Map;
import java.util.Optional;
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

  static void addTo(Map<String, Analyzer> perField) {
    BY_LANGUAGE.forEach((lang, analyzer) -> perField.put(ArticleSchema.BODY + "_" + lang, analyzer.get()));
  }

  public static Iterable<String> languages() {
    return BY_LANGUAGE.keySet();
  }
}
