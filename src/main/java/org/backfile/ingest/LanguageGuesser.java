package org.backfile.ingest;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Guesses a text's language (ISO 639-1) with the n-gram profiles Tika itself uses. Loading the
 * profiles takes a moment, so one shared instance serves every thread (the detector is immutable).
 */
final class LanguageGuesser {

  /** A paragraph or two is plenty for n-gram profiles, and detection time grows with the sample. */
  private static final int SAMPLE_CHARS = 1_500;
  private static final double MIN_PROBABILITY = 0.80;

  private static final class Holder {
    static final LanguageDetector DETECTOR = build();
  }

  private LanguageGuesser() {}

  static Optional<String> guess(String text) {
    if (text == null || text.length() < 40) return Optional.empty();
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    List<DetectedLanguage> found = Holder.DETECTOR.getProbabilities(sample);
    if (found.isEmpty() || found.get(0).getProbability() < MIN_PROBABILITY) return Optional.empty();
    return Optional.of(found.get(0).getLocale().getLanguage());
  }

  private static LanguageDetector build() {
    try {
      return LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().readAllBuiltIn())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("language profiles missing from the class path", e);
    }
  }
}
