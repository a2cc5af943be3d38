package org.backfile.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Dates as people write them: "April 04, 2012", "2012-04-04", "April 2012". */
public final class TextDates {

  private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
      DateTimeFormatter.ISO_LOCAL_DATE);

  private TextDates() {}

  public static Optional<PartialDate> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.strip().replaceAll("[.,]$", "");
    java.util.regex.Matcher monthYear = java.util.regex.Pattern
        .compile("(?i)(january|february|march|april|may|june|july|august|september|october|november|december)\\s+(\\d{4})")
        .matcher(t);
    if (monthYear.matches()) {
      int month = java.time.Month.valueOf(monthYear.group(1).toUpperCase(Locale.ROOT)).getValue();
      return Optional.of(PartialDate.ofMonth(Integer.parseInt(monthYear.group(2)), month));
    }
    for (DateTimeFormatter f : DAY_FORMATS) {
      try {
        return Optional.of(PartialDate.of(LocalDate.parse(t, f)));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
