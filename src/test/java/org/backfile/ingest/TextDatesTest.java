package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDatesTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2020-06-15T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "April 04, 2012|2012-04-04",
      "Posted on April 4th, 2012 at 10:32 pm|2012-04-04",
      "4 April 2012|2012-04-04",
      "2012-04-04|2012-04-04",
      "2012/04/04|2012-04-04",
      "04/04/2012|2012-04-04",
      "12/25/2011|2011-12-25",
      "25/12/2011|2011-12-25",
      "Apr. 4, 2012|2012-04-04",
      "Sept. 14, 2015|2015-09-14",
      "Wed, 04 Apr 2012 10:00:00 GMT|2012-04-04",
      "2012-04-04T23:30:00-05:00|2012-04-04",
      "2012-04-04T08:15:00Z|2012-04-04",
      "2012-04-04T08:15:00.000+02:00|2012-04-04",
      "4. April 2012|2012-04-04",
      "Veröffentlicht am 17. März 2019, 14:05 Uhr|2019-03-17",
      "03.05.2018|2018-05-03",
      "1er avril 2012|2012-04-01",
      "le 12 décembre 2017|2017-12-12",
      "4 de abril de 2012|2012-04-04",
      "15 febbraio 2014|2014-02-15",
      "7 października 2019|2019-10-07",
      "12 stycznia 2020 r.|2020-01-12",
      "the 4th of July, 2010|2010-07-04",
  })
  void findsDaysInManyShapesAndLanguages(String text, String expected) {
    assertEquals(Optional.of(PartialDate.parse(expected)), TextDates.find(text, NOW));
  }

  @Test
  void keepsMonthPrecisionWhenTheDayIsMissing() {
    PartialDate d = TextDates.find("Issue of April 2012", NOW).orElseThrow();
    assertEquals(PartialDate.ofMonth(2012, 4), d);
    assertEquals(PartialDate.Precision.MONTH, d.precision());
    assertEquals(PartialDate.ofMonth(2018, 3), TextDates.find("März 2018", NOW).orElseThrow());
  }

  @Test
  void ignoresDatesInTheFuture() {
    assertTrue(TextDates.find("Conference on March 3, 2031", NOW).isEmpty());
    assertEquals(PartialDate.parse("2019-01-02"),
        TextDates.find("Conference on March 3, 2031, announced January 2, 2019", NOW).orElseThrow());
  }

  @Test
  void readsTwoDigitYearsOnlyWithTwoDigitDayAndMonth() {
    assertEquals(PartialDate.parse("2019-10-31"), TextDates.find("Von: B. Jahner | 31.10.19", NOW)
        .orElseThrow());
    assertEquals(PartialDate.parse("1998-10-31"), TextDates.find("am 31.10.98", NOW).orElseThrow());
    assertTrue(TextDates.find("version 1.2.23", NOW).isEmpty());
    assertTrue(TextDates.find("release 10.12.04.1", NOW).isEmpty());
  }

  @Test
  void rejectsImpossibleDatesAndPlainNumbers() {
    assertTrue(TextDates.find("2012-02-30", NOW).isEmpty());
    assertTrue(TextDates.find("call 555-1234 or 2012", NOW).isEmpty());
    assertTrue(TextDates.find("May we begin?", NOW).isEmpty());
    assertTrue(TextDates.find("", NOW).isEmpty());
  }

  @Test
  void parseRejectsLongTexts() {
    assertTrue(TextDates.parse("x".repeat(200) + " April 4, 2012", NOW).isEmpty());
    assertEquals(PartialDate.parse("2012-04-04"), TextDates.parse("Published: April 4, 2012", NOW).orElseThrow());
  }
}
