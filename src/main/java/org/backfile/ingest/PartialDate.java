package org.backfile.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date known to the day, the month or only the year. An article dated "2012" is not
 * January 1st, 2012: keeping the precision lets search, facets and pages say only what is known.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

  /** How much of a date is known. */
  public enum Precision {
    DAY, MONTH, YEAR;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

  /** Month and day are 0 when unknown. */
  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year must be 1..9999, got " + year);
    }
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month must be 1..12, got " + month);
    }
    if (month == 0 && day != 0) {
      throw new IllegalArgumentException("a day needs a month");
    }
    if (day != 0) {
      LocalDate.of(year, month, day); // throws DateTimeException for 2012-02-30
    }
  }

  public static PartialDate ofYear(int year) {
    return new PartialDate(year, 0, 0);
  }

  public static PartialDate ofMonth(int year, int month) {
    return new PartialDate(year, month, 0);
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
   *
   * @throws IllegalArgumentException naming the value when it is not one of those forms
   */
  public static PartialDate parse(String text) {
    Matcher m = ISO.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
    }
    try {
      return new PartialDate(
          Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a real date (" + e.getMessage() + ")", e);
    }
  }

  public Precision precision() {
    if (day != 0) return Precision.DAY;
    if (month != 0) return Precision.MONTH;
    return Precision.YEAR;
  }

  /** The first day this date may stand for. */
  public LocalDate start() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day this date may stand for. */
  public LocalDate end() {
    if (day != 0) return LocalDate.of(year, month, day);
    if (month != 0) return YearMonth.of(year, month).atEndOfMonth();
    return LocalDate.of(year, 12, 31);
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = start().compareTo(o.start());
    return c != 0 ? c : o.precision().compareTo(precision());
  }

  @Override
  public String toString() {
    return switch (precision()) {
      case DAY -> String.format("%04d-%02d-%02d", year, month, day);
      case MONTH -> String.format("%04d-%02d", year, month);
      case YEAR -> String.format("%04d", year);
    };
  }
}
