package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BylinesTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2020-06-15T12:00:00Z"), ZoneOffset.UTC);

  private static List<String> names(String line) {
    return Bylines.parse(line, null, NOW).map(Bylines.Byline::authors).orElse(List.of());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      "By Jane Doe#Jane Doe",
      "BY JANE DOE#JANE DOE",
      "By Jane Doe and John Smith#Jane Doe;John Smith",
      "By Jane Doe, John Smith and Ana Lima#Jane Doe;John Smith;Ana Lima",
      "By Jane Doe & John Smith#Jane Doe;John Smith",
      "Posted by Jane Doe on April 04, 2012#Jane Doe",
      "Jane Doe | Staff Writer#Jane Doe",
      "Written by Jane Doe#Jane Doe",
      "— Jane Doe#Jane Doe",
      "Von Jana Kühn und Paul Berger#Jana Kühn;Paul Berger",
      "Par Camille Martin#Camille Martin",
      "Por María García y Luis Pérez#María García;Luis Pérez",
      "By Jane Doe, Staff Writer#Jane Doe",
      "By Jane Doe, Associated Press#Jane Doe",
      "April 4, 2012 by Jane Doe#Jane Doe",
      "Author: Jane Doe#Jane Doe",
      "By Jane Doe (Reuters)#Jane Doe",
      "Jane Doe#Jane Doe",
  })
  void readsNamesFromBylinesInManyShapes(String line, String expected) {
    assertEquals(List.of(expected.split(";")), names(line));
  }

  @Test
  void returnsTheDateNextToTheNames() {
    Bylines.Byline b = Bylines.parse("Posted by Jane Doe on April 04, 2012", null, NOW).orElseThrow();
    assertEquals(List.of("Jane Doe"), b.authors());
    assertEquals(PartialDate.parse("2012-04-04"), b.date());
  }

  @Test
  void neverReturnsDatesSiteNamesOrPlaceholders() {
    assertTrue(names("By Admin").isEmpty());
    assertTrue(names("Posted by admin on March 3, 2011").isEmpty());
    assertTrue(names("By Staff").isEmpty());
    assertTrue(names("April 4, 2012").isEmpty());
    assertTrue(names("By example.com").isEmpty());
    assertEquals(List.of(), Bylines.parse("By The Daily Planet", "The Daily Planet", NOW)
        .map(Bylines.Byline::authors).orElse(List.of()));
  }

  @Test
  void givesNothingForProseOrEmptyLines() {
    assertTrue(Bylines.parse("", null, NOW).isEmpty());
    assertTrue(Bylines.parse(null, null, NOW).isEmpty());
    assertTrue(names("The council met on Tuesday to discuss the new bridge over the river and "
        + "voted for it after a long debate").isEmpty());
  }

  @Test
  void aDateOnlyLineHasADateAndNoNames() {
    Bylines.Byline b = Bylines.parse("Updated: 3. September 2019", null, NOW).orElseThrow();
    assertTrue(b.authors().isEmpty());
    assertEquals(PartialDate.parse("2019-09-03"), b.date());
    assertNull(Bylines.parse("By Jane Doe", null, NOW).orElseThrow().date());
  }

  private static List<String> strictNames(String line) {
    return Bylines.parseStrict(line, null, NOW).map(Bylines.Byline::authors).orElse(List.of());
  }

  @Test
  void proseStartingWithVonIsNotAByline() {
    assertEquals(List.of(), strictNames("Von Einheimischen, Gästen und ganz viel Kühen"));
    assertEquals(List.of(), strictNames("Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»"));
    // an agency written in lower case after the name is not prose
    assertEquals(List.of("David Hutzler"), strictNames("Von David Hutzler, dpa"));
  }

  @Test
  void namesFollowTheirLabelInARowOfLabelledFields() {
    Bylines.Byline b = Bylines.parse("Datum: 19.11.2019 Autor: Fritz Imhof Quelle: Livenet", null,
        NOW).orElseThrow();
    assertEquals(List.of("Fritz Imhof"), b.authors());
    assertEquals(PartialDate.parse("2019-11-19"), b.date());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      "Autor*In#",
      "AutorIn:#",
      "Di Dienstag#",
      "Copyright Haufe-Lexware GmbH#",
      "wegewerk GmbH#",
      "Bild © hr#",
      "Foto: Jane Doe#",
      "No Author#",
      "publisher#",
      "Redacción EC#",
      "Alle Beiträge#",
      "Veröffentlicht#",
  })
  void labelsDaysCompaniesCreditsAndPlaceholdersAreNotNames(String line, String none) {
    assertEquals(List.of(), names(line), line);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      "Tomas Spahn Fr#Tomas Spahn",
      "Alle Artikel von Tanja Karrasch#Tanja Karrasch",
      "ByJ.R. Stone#J.R. Stone",
      "责任编辑：孔德明#孔德明",
      "By Jane Doe https://example.com/jane#Jane Doe",
  })
  void gluedLabelsLinkTextAndDayNamesAreCutFromNames(String line, String expected) {
    assertEquals(List.of(expected), names(line));
  }

  @Test
  void aLongRunOfCharactersWithoutLetterCaseIsAHeadlineNotAName() {
    assertEquals(List.of(), names("“亲子视频”让留守儿童与父母面对面"));
  }
}
