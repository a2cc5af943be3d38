package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PartialDateTest {

  @ParameterizedTest
  @CsvSource({"2012,year,2012-01-01,2012-12-31", "2012-04,month,2012-04-01,2012-04-30",
      "2012-02,month,2012-02-01,2012-02-29", "2012-04-04,day,2012-04-04,2012-04-04"})
  void keepsPrecisionAndSpansTheWholePeriod(String text, String precision, String start, String end) {
    PartialDate d = PartialDate.parse(text);
    assertEquals(precision, d.precision().label());
    assertEquals(LocalDate.parse(start), d.start());
    assertEquals(LocalDate.parse(end), d.end());
    assertEquals(text, d.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12", "2012-13", "2012-02-30", "April 2012", "2012/04/04", "20120404"})
  void rejectsWhatIsNotAnIsoDateWithTheValueInTheMessage(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(text));
    assertEquals(true, e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @Test
  void ordersByFirstDay() {
    assertEquals(-1, Integer.signum(PartialDate.parse("2011-12-31").compareTo(PartialDate.parse("2012"))));
  }
}
