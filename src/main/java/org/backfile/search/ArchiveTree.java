package org.backfile.search;

import java.util.List;

/** Articles per year and month, newest first, like a blog's "Blog archive"; plus the undated. */
public record ArchiveTree(List<Year> years, long undated) {

  public ArchiveTree {
    years = List.copyOf(years);
  }

  /** One year; {@code months} holds only months with articles dated to at least the month. */
  public record Year(int year, long count, List<Month> months) {
    public Year {
      months = List.copyOf(months);
    }
  }

  public record Month(int month, long count) {}
}
