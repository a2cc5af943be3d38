package org.backfile.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The header block of a mail or news post: names folded to lower case, continuation lines joined,
 * encoded words decoded; plus the readings we need from it (author name, date).
 */
record MailHeaders(Map<String, String> values, String body) {

  private static final Pattern RFC822_DATE = Pattern.compile(
      "(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{2,4})(?!\\d)",
      Pattern.CASE_INSENSITIVE);
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
  private static final Pattern ANGLE_ADDRESS = Pattern.compile("^(.*?)<([^>]*)>.*$");
  private static final Pattern PAREN_NAME = Pattern.compile("^\\s*(\\S+@\\S+)\\s*\\((.+)\\)\\s*$");

  MailHeaders {
    values = Map.copyOf(values);
  }

  /** Splits text at the first blank line into headers and body. */
  static MailHeaders parse(String text) {
    String t = text.replace("\r\n", "\n");
    int end = t.indexOf("\n\n");
    String head = end < 0 ? t : t.substring(0, end);
    String body = end < 0 ? "" : t.substring(end + 2);
    Map<String, String> values = new LinkedHashMap<>();
    String name = null;
    for (String line : head.split("\n")) {
      if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
        values.merge(name, " " + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!values.containsKey(name)) values.put(name, line.substring(colon + 1).strip());
      else name = null; // keep the first of repeated headers
    }
    values.replaceAll((k, v) -> DecoderUtil.decodeEncodedWords(v, DecodeMonitor.SILENT).strip());
    return new MailHeaders(values, body);
  }

  Optional<String> get(String name) {
    String v = values.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** The From display name, else the address's local part. */
  Optional<String> author() {
    return get("from").map(MailHeaders::displayName).filter(s -> !s.isBlank());
  }

  static String displayName(String from) {
    Matcher angle = ANGLE_ADDRESS.matcher(from);
    if (angle.matches()) {
      String name = angle.group(1).replace("\"", "").strip();
      return name.isEmpty() ? localPart(angle.group(2)) : name;
    }
    Matcher paren = PAREN_NAME.matcher(from);
    if (paren.matches()) return paren.group(2).replace("\"", "").strip();
    return localPart(from.strip());
  }

  private static String localPart(String address) {
    int at = address.indexOf('@');
    return (at < 0 ? address : address.substring(0, at)).strip();
  }

  /** The Date header to the day: RFC 822/1123, read leniently (two-digit years, no weekday). */
  Optional<PartialDate> date() {
    return get("date").flatMap(MailHeaders::parseDate);
  }

  static Optional<PartialDate> parseDate(String value) {
    Matcher m = RFC822_DATE.matcher(value);
    if (!m.find()) return TextDates.parse(value);
    int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT).substring(0, 3)) / 3 + 1;
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() <= 2) year += year < 50 ? 2000 : 1900;
    try {
      return Optional.of(new PartialDate(year, month, Integer.parseInt(m.group(1))));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
