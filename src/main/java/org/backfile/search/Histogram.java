package org.backfile.search;

import java.util.List;

/**
 * Matches per period, every period between the first and the last present (zeros included).
 *
 * @param interval "year" or "month"
 * @param undated matches without a date, not in any bucket
 * @param coarser matches dated less precisely than the interval (only the year, for "month"),
 *     not in any bucket
 */
public record Histogram(String interval, long total, List<Bucket> buckets, long undated, long coarser) {

  public Histogram {
    buckets = List.copyOf(buckets);
  }

  /** One period: "2012" or "2012-04". */
  public record Bucket(String period, long count) {}

  /** Bucket size. */
  public enum Interval {
    YEAR, MONTH;

    public static Interval parse(String value) {
      if (value == null || value.isBlank()) return YEAR;
      return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "year" -> YEAR;
        case "month" -> MONTH;
        default -> throw new InvalidParameterException("interval",
            "interval must be year or month, got '" + value + "'");
      };
    }
  }
}
