package org.backfile.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A publication time stamp given in UTC ("…T23:00Z") is a day off for readers east or west of
 * Greenwich. When the page writes its other time stamps (meta tags, {@code <time datetime>},
 * JSON-LD dates) with one non-zero offset, the date is read in that offset: the calendar date
 * as the page itself shows it.
 */
final class PageOffsetDates {

  private static final Pattern UTC_STAMP = Pattern.compile(
      "^((?:19|20)\\d\\d-\\d\\d-\\d\\d)[T ](\\d\\d:\\d\\d(?::\\d\\d)?)(?:[.,]\\d+)?"
          + "\\s*(?:Z|[+-]00:?00)$");
  private static final Pattern OFFSET = Pattern.compile(
      "\\d\\d:\\d\\d(?::\\d\\d)?(?:[.,]\\d+)?\\s*([+-])(0\\d|1[0-4]):?([0-5]\\d)(?!\\d)");

  private PageOffsetDates() {}

  /** {@code found} read in the page's own offset, or {@code found} itself when that changes nothing. */
  static PublicationDates.Dated inPageOffset(PublicationDates.Dated found, Document doc,
      MetaTags meta, JsonLd ld, Clock clock) {
    if (found.raw() == null || found.date().precision() != PartialDate.Precision.DAY) {
      return found;
    }
    Matcher utc = UTC_STAMP.matcher(found.raw());
    if (!utc.matches()) {
      return found;
    }
    Map<ZoneOffset, Integer> offsets = new LinkedHashMap<>();
    List<String> stamps = new ArrayList<>(ld.dates());
    for (List<String> values : meta.values().values()) {
      for (String v : values) {
        if (v.length() < 40 && v.indexOf(':') > 0) {
          stamps.add(v);
        }
      }
    }
    for (Element t : doc.select(Css.of("time[datetime]"))) {
      stamps.add(t.attr("datetime"));
    }
    for (String v : stamps) {
      Matcher o = OFFSET.matcher(v);
      if (o.find()) {
        int secs = (Integer.parseInt(o.group(2)) * 3600 + Integer.parseInt(o.group(3)) * 60)
            * (o.group(1).equals("-") ? -1 : 1);
        if (secs != 0) {
          offsets.merge(ZoneOffset.ofTotalSeconds(secs), 1, Integer::sum);
        }
      }
    }
    if (offsets.size() != 1) {
      return found; // none, or the page disagrees with itself
    }
    ZoneOffset offset = offsets.keySet().iterator().next();
    LocalDate local = LocalDateTime.parse(utc.group(1) + "T"
            + (utc.group(2).length() == 5 ? utc.group(2) + ":00" : utc.group(2)))
        .atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset).toLocalDate();
    if (local.isAfter(LocalDate.now(clock).plusDays(1)) || local.equals(found.date().start())) {
      return found;
    }
    return new PublicationDates.Dated(PartialDate.of(local),
        found.rule() + "@page-offset" + offset, found.raw());
  }
}
