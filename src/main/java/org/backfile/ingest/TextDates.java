package org.backfile.ingest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds publication dates written in running text: {@code April 04, 2012}, {@code 4 April 2012},
 * {@code 2012-04-04}, {@code 04/04/2012} (read as US month/day unless the first number cannot be
 * a month), {@code 4.4.2012}, {@code Apr. 4, 2012}, {@code April 2012}, ISO date-times with a zone,
 * and month names in English, German, French, Spanish, Italian and Polish.
 *
 * <p>Dates in the future (after tomorrow, by the injected clock) and before 1900 are ignored: a
 * page cannot have been published then, so such a match is an event date or noise.
 */
public final class TextDates {

  /** A date found in a text, with where it was written. */
  record Found(PartialDate date, int start, int end) {}

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    month(1, "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio",
        "gen", "stycznia", "styczeń", "styczen", "sty");
    month(2, "february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero",
        "febbraio", "lutego", "luty", "lut");
    month(3, "march", "mar", "märz", "maerz", "mär", "mars", "marzo", "marca", "marzec");
    month(4, "april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień",
        "kwiecien", "kwi");
    month(5, "may", "mai", "mayo", "maggio", "mag", "maja", "maj");
    month(6, "june", "jun", "juni", "juin", "junio", "giugno", "giu", "czerwca", "czerwiec",
        "cze");
    month(7, "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "lipca",
        "lipiec", "lip");
    month(8, "august", "aug", "août", "aout", "agosto", "ago", "sierpnia", "sierpień", "sierpien",
        "sie");
    month(9, "september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre",
        "set", "września", "wrzesnia", "wrzesień", "wrzesien", "wrz");
    month(10, "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott",
        "października", "pazdziernika", "październik", "pazdziernik", "paź", "paz");
    month(11, "november", "nov", "novembre", "noviembre", "listopada", "listopad", "lis");
    month(12, "december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
        "dic", "dicembre", "grudnia", "grudzień", "grudzien", "gru");
  }

  private static void month(int number, String... names) {
    for (String name : names) {
      MONTHS.put(name, number);
    }
  }

  private static final String MONTH = MONTHS.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed())
      .map(Pattern::quote)
      .reduce((a, b) -> a + "|" + b)
      .orElseThrow();

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
  private static final String ORDINAL = "(?:st|nd|rd|th|er|º|°)?";

  /** 2012-04-04, 2012/04/04, 2012.04.04, with an optional time and zone. */
  private static final Pattern YMD = Pattern.compile(NOT_WORD_BEFORE
      + "((?:19|20)\\d\\d)([-/.])(\\d{1,2})\\2(\\d{1,2})"
      + "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)");
  /** April 4, 2012 / Apr. 4th 2012 / April 04, 2012. */
  private static final Pattern MDY = Pattern.compile(NOT_WORD_BEFORE
      + "(" + MONTH + ")\\.?\\s+(\\d{1,2})" + ORDINAL + ",?\\s+((?:19|20)\\d\\d)(?!\\d)", FLAGS);
  /** 4 April 2012 / 4. April 2012 / 4 de abril de 2012 / 1er avril 2012 / 4th of April, 2012. */
  private static final Pattern DMY = Pattern.compile(NOT_WORD_BEFORE
      + "(\\d{1,2})" + ORDINAL + "\\.?\\s*(?:of\\s+|de\\s+)?(" + MONTH + ")\\.?,?\\s*(?:de\\s+|del\\s+)?"
      + "((?:19|20)\\d\\d)(?!\\d)", FLAGS);
  /** 04/04/2012, 4.4.2012, 04-04-2012. */
  private static final Pattern NUMERIC = Pattern.compile(NOT_WORD_BEFORE
      + "(\\d{1,2})([./-])\\s?(\\d{1,2})\\2\\s?((?:19|20)\\d\\d)(?!\\d)");
  /** April 2012 / avril 2012 / April, 2012. */
  private static final Pattern MY = Pattern.compile(NOT_WORD_BEFORE
      + "(" + MONTH + ")\\.?,?\\s+(?:de\\s+)?((?:19|20)\\d\\d)(?!\\d)", FLAGS);

  /** 31.10.23: day and month written with two digits each, a two-digit year (German usage). */
  private static final Pattern SHORT_YEAR = Pattern.compile(NOT_WORD_BEFORE
      + "(0[1-9]|[12]\\d|3[01])\\.(0[1-9]|1[0-2])\\.(\\d\\d)(?![\\d.])");

  private TextDates() {}

  /** The first plausible date in {@code text}. */
  public static Optional<PartialDate> find(String text) {
    return find(text, Clock.systemUTC());
  }

  /** The first plausible date in {@code text}, ignoring dates after {@code clock}'s tomorrow. */
  public static Optional<PartialDate> find(String text, Clock clock) {
    return findWithSpan(text, clock).map(Found::date);
  }

  /**
   * Reads {@code text} as a date when the date is most of it (a label like "Published:" or a
   * weekday around it is fine), as in a {@code <time>} element or a date meta tag.
   */
  public static Optional<PartialDate> parse(String text) {
    return parse(text, Clock.systemUTC());
  }

  public static Optional<PartialDate> parse(String text, Clock clock) {
    if (text == null || text.length() > 120) {
      return Optional.empty();
    }
    return find(text, clock);
  }

  /** Every plausible date in {@code text}, in order of appearance. */
  static List<Found> findAll(String text, Clock clock) {
    List<Found> all = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return all;
    }
    // Every pattern needs two ASCII digits in a row, and all but SHORT_YEAR a year 19xx/20xx:
    // most text has neither, and the month-name alternations are slow to search for nothing.
    int digits = digitRuns(text);
    if (digits == NO_DIGIT_PAIR) {
      return all;
    }
    LocalDate latest = LocalDate.now(clock).plusDays(1);
    if (digits == WITH_YEAR) {
      collect(YMD.matcher(text), all, latest, m -> day(m.group(1), m.group(3), m.group(4)));
      collect(MDY.matcher(text), all, latest, m -> day(m.group(3), month(m.group(1)), m.group(2)));
      collect(DMY.matcher(text), all, latest, m -> day(m.group(3), month(m.group(2)), m.group(1)));
      collect(NUMERIC.matcher(text), all, latest, TextDates::numeric);
      collect(MY.matcher(text), all, latest, m -> monthOnly(m.group(2), month(m.group(1))));
    }
    collect(SHORT_YEAR.matcher(text), all, latest, m -> shortYear(m, latest));
    all.sort(Comparator.comparingInt(Found::start)
        .thenComparing(f -> f.date().precision())
        .thenComparing(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()));
    // Drop matches that overlap an earlier (more precise) one, e.g. "April 2012" in "4 April 2012".
    List<Found> kept = new ArrayList<>();
    for (Found f : all) {
      boolean overlaps = kept.stream().anyMatch(k -> f.start() < k.end() && k.start() < f.end());
      if (!overlaps) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static final int NO_DIGIT_PAIR = 0;
  private static final int DIGIT_PAIR = 1;
  private static final int WITH_YEAR = 2;

  /** Whether {@code text} has two ASCII digits in a row, and whether it has 19xx or 20xx. */
  private static int digitRuns(String text) {
    int found = NO_DIGIT_PAIR;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        run = 0;
        continue;
      }
      run++;
      if (run >= 2) {
        found = DIGIT_PAIR;
      }
      if (run >= 4) {
        char c0 = text.charAt(i - 3);
        char c1 = text.charAt(i - 2);
        if (c0 == '1' && c1 == '9' || c0 == '2' && c1 == '0') {
          return WITH_YEAR;
        }
      }
    }
    return found;
  }

  static Optional<Found> findWithSpan(String text, Clock clock) {
    List<Found> all = findAll(text, clock);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private interface Reader {
    PartialDate read(Matcher m);
  }

  private static void collect(Matcher m, List<Found> out, LocalDate latest, Reader reader) {
    while (m.find()) {
      PartialDate d;
      try {
        d = reader.read(m);
      } catch (DateTimeException | IllegalArgumentException e) {
        continue;
      }
      if (d != null && d.year() >= 1900 && !d.start().isAfter(latest)) {
        out.add(new Found(d, m.start(), m.end()));
      }
    }
  }

  private static PartialDate numeric(Matcher m) {
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(3));
    int year = Integer.parseInt(m.group(4));
    String sep = m.group(2);
    // A dot is the European day.month.year; a slash is US month/day/year unless that is impossible.
    boolean dayFirst = sep.equals(".") || sep.equals("-") || a > 12;
    if (sep.equals("/") && b > 12) {
      dayFirst = false;
    }
    return dayFirst ? new PartialDate(year, b, a) : new PartialDate(year, a, b);
  }

  /** The century that puts a two-digit year at most a year after "now" ("23" is 2023). */
  private static PartialDate shortYear(Matcher m, LocalDate latest) {
    int yy = Integer.parseInt(m.group(3));
    int year = 2000 + yy > latest.getYear() ? 1900 + yy : 2000 + yy;
    return new PartialDate(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
  }

  private static int month(String name) {
    Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT));
    if (m == null) {
      throw new IllegalArgumentException("not a month: " + name);
    }
    return m;
  }

  private static PartialDate day(String year, int month, String day) {
    return new PartialDate(Integer.parseInt(year), month, Integer.parseInt(day));
  }

  private static PartialDate day(String year, String month, String day) {
    return new PartialDate(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  private static PartialDate monthOnly(String year, int month) {
    return PartialDate.ofMonth(Integer.parseInt(year), month);
  }
}
