package org.backfile.search;

/** A page of hits and the timeline of all the matches (per year, or per month when they span fewer than three years). */
public record SearchWithTimeline(SearchPage page, Histogram timeline) {

  /** Years make a timeline from three on; fewer are shown by month. */
  public static final int MIN_YEARS = 3;

  /** A backend's histogram of the matches at one interval. */
  interface HistogramAt<E extends Exception> {
    Histogram at(Histogram.Interval interval) throws E;
  }

  /** The timeline from a backend's histograms: by year, or by month when the years are few. */
  static <E extends Exception> Histogram timeline(HistogramAt<E> histogram) throws E {
    Histogram years = histogram.at(Histogram.Interval.YEAR);
    return years.buckets().size() >= MIN_YEARS ? years : histogram.at(Histogram.Interval.MONTH);
  }
}
