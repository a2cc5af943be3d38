package org.backfile.search;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.PartialDate;

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

  /**
   * The tree from the year and month facet counts, whichever backend counted them.
   *
   * @param yearCounts year label ("2012", or {@link ArticleSchema#UNDATED}) to articles
   * @param monthCounts month label ("2012-04") to articles dated to at least the month
   */
  public static ArchiveTree fromCounts(Map<String, Long> yearCounts, Map<String, Long> monthCounts) {
    Map<Integer, List<Month>> months = new LinkedHashMap<>();
    monthCounts.forEach((label, count) -> {
      YearMonth ym = YearMonth.parse(label);
      months.computeIfAbsent(ym.getYear(), y -> new ArrayList<>()).add(new Month(ym.getMonthValue(), count));
    });
    List<Year> years = new ArrayList<>();
    long undated = 0;
    for (Map.Entry<String, Long> e : yearCounts.entrySet()) {
      if (e.getKey().equals(ArticleSchema.UNDATED)) {
        undated = e.getValue();
        continue;
      }
      int year = Integer.parseInt(e.getKey());
      List<Month> ms = new ArrayList<>(months.getOrDefault(year, List.of()));
      ms.sort((a, b) -> Integer.compare(b.month(), a.month()));
      years.add(new Year(year, e.getValue(), ms));
    }
    years.sort((a, b) -> Integer.compare(b.year(), a.year()));
    return new ArchiveTree(years, undated);
  }

  /** The period of an archive page: a whole year ({@code month == 0}) or one month of it. */
  public static PartialDate period(int year, int month) {
    if (year < 1 || year > 9999) throw new InvalidParameterException("year", "year must be 1..9999, got " + year);
    if (month < 0 || month > 12) throw new InvalidParameterException("month", "month must be 1..12, got " + month);
    return month == 0 ? PartialDate.ofYear(year) : PartialDate.ofMonth(year, month);
  }
}
