package org.backfile.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates written in a URL path: /2012/04/04/, /2012/04/, /20120404. */
final class UrlDates {

  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d\\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\\d|3[01]))?(?=[/_.-]|$)");
  private static final Pattern URL_DATE_COMPACT = Pattern.compile(
      "[/_-]((?:19|20)\\d\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");

  private UrlDates() {}

  /** A date in the page's declared address, else in the address it came from; or null. */
  static PartialDate ofPage(String declaredUrl, String sourceUrl, Clock clock) {
    for (String u : new String[] {declaredUrl, sourceUrl}) {
      PartialDate d = u == null ? null : fromUrl(u, clock);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** The date in {@code url}'s path, or null (none, impossible, or after tomorrow). */
  static PartialDate fromUrl(String url, Clock clock) {
    String path = url.replaceFirst("^[a-z]+://[^/]+", "");
    Matcher ymd = URL_DATE.matcher(path);
    try {
      PartialDate d = null;
      if (ymd.find()) {
        d = ymd.group(3) == null
            ? PartialDate.ofMonth(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)))
            : new PartialDate(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                Integer.parseInt(ymd.group(3)));
      } else {
        Matcher c = URL_DATE_COMPACT.matcher(path);
        if (c.find()) {
          d = new PartialDate(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)),
              Integer.parseInt(c.group(3)));
        }
      }
      if (d != null && !d.start().isAfter(LocalDate.now(clock).plusDays(1))) {
        return d;
      }
    } catch (RuntimeException e) {
      // 2012/02/30 and the like: not a date.
    }
    return null;
  }
}
