package org.backfile.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The import benchmark's rows, the printed table and the ratios; no timing here, so it is testable. */
final class ImportBenchTable {

  /**
   * One system's run. {@code rawBytes} is decompressed input (-1 unknown); {@code peakHeap} and
   * {@code rss} are bytes (-1 unknown; RSS is the process's high-water mark so far, or the child's
   * peak for Solr); {@code note} is printed under the table when not empty.
   */
  record Row(String system, long files, long articles, double seconds, long diskBytes, long rawBytes,
      long peakHeap, long rss, long indexBytes, String note) {

    double filesPerSecond() {
      return rate(files);
    }

    double articlesPerSecond() {
      return rate(articles);
    }

    double diskMbPerSecond() {
      return rate(diskBytes) / 1e6;
    }

    double rawMbPerSecond() {
      return rawBytes < 0 ? Double.NaN : rate(rawBytes) / 1e6;
    }

    private double rate(long n) {
      return seconds > 0 ? n / seconds : Double.NaN;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** articles/s of {@code a} divided by that of {@code b}; NaN when either is missing or zero. */
  static double ratio(Row a, Row b) {
    if (a == null || b == null) return Double.NaN;
    double x = a.articlesPerSecond();
    double y = b.articlesPerSecond();
    return y > 0 && !Double.isNaN(x) ? x / y : Double.NaN;
  }

  String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-34s %7s %8s %8s %8s %10s %13s %9s %8s %9s%n",
        "system", "files", "articles", "seconds", "files/s", "articles/s", "MB/s disk/raw", "peak heap",
        "RSS", "index"));
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%-34s %7d %8d %8.2f %8.1f %10.1f %13s %9s %8s %9s%n",
          r.system(), r.files(), r.articles(), r.seconds(), r.filesPerSecond(), r.articlesPerSecond(),
          String.format(Locale.ROOT, "%.2f/%s", r.diskMbPerSecond(),
              Double.isNaN(r.rawMbPerSecond()) ? "?" : String.format(Locale.ROOT, "%.2f", r.rawMbPerSecond())),
          mb(r.peakHeap()), mb(r.rss()), mb(r.indexBytes())));
    }
    for (Row r : rows) {
      if (r.note() != null && !r.note().isEmpty()) sb.append("  ").append(r.system()).append(": ").append(r.note()).append('\n');
    }
    if (!rows.isEmpty()) {
      Row first = rows.get(0);
      for (Row r : rows.subList(1, rows.size())) {
        sb.append(String.format(Locale.ROOT, "%s / %s (articles/s): %s%n", first.system(), r.system(),
            fmtRatio(ratio(first, r))));
      }
    }
    return sb.toString();
  }

  static String fmtRatio(double r) {
    return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r);
  }

  static String mb(long bytes) {
    return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
