package org.backfile.search;

/** A page of hits and the timeline of all the matches (per year, or per month when they span fewer than three years). */
public record SearchWithTimeline(SearchPage page, Histogram timeline) {

  /** Years make a timeline from three on; fewer are shown by month. */
  public static final int MIN_YEARS = 3;
}
