package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

  private static final String ENGLISH = "The council voted on Tuesday to close the old bridge to cars for the"
      + " whole summer. It was built in 1911 and has not been repaired since the flood, which is why the"
      + " engineers say that it would be unsafe to keep it open for another year.";
  private static final String GERMAN = "Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke für den"
      + " ganzen Sommer für Autos zu sperren. Sie wurde 1911 gebaut und seit dem Hochwasser nicht mehr"
      + " repariert, weshalb die Ingenieure sagen, dass sie ein weiteres Jahr nicht sicher wäre.";
  private static final String DUTCH = "De gemeenteraad heeft dinsdag besloten de oude brug de hele zomer voor"
      + " auto's af te sluiten. Hij is in 1911 gebouwd en is sinds de overstroming niet meer hersteld,"
      + " daarom zeggen de ingenieurs dat het onveilig is om hem nog een jaar open te houden.";

  @Test
  void englishProseIsRecognisedByItsFunctionWords() {
    assertTrue(LanguageGuesser.plainEnglish(ENGLISH));
    assertTrue(LanguageGuesser.plainEnglish(ENGLISH.toUpperCase(Locale.ROOT)));
    assertEquals(Optional.of("en"), LanguageGuesser.guess(ENGLISH.toUpperCase(Locale.ROOT)));
  }

  @Test
  void otherLanguagesStillGoToTheDetector() {
    assertFalse(LanguageGuesser.plainEnglish(GERMAN));
    assertFalse(LanguageGuesser.plainEnglish(DUTCH));
    assertEquals(Optional.of("de"), LanguageGuesser.guess(GERMAN));
    assertEquals(Optional.of("nl"), LanguageGuesser.guess(DUTCH));
  }

  @Test
  void aFewWordsAreNotEnoughForTheShortcut() {
    assertFalse(LanguageGuesser.plainEnglish("It is in the box and on the shelf."));
  }
}
