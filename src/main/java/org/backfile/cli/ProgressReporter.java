package org.backfile.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.backfile.ingest.BulkImporter.Progress;

/**
 * Import progress: a bar redrawn in place on a terminal, a plain line every few seconds otherwise,
 * nothing with {@code --quiet}.
 */
final class ProgressReporter implements Consumer<Progress> {

  private static final long LINE_EVERY_NANOS = 5_000_000_000L;
  private static final long BAR_EVERY_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 28;

  private final PrintWriter err;
  private final long total;
  private final boolean terminal;
  private final boolean quiet;
  private final long started = System.nanoTime();
  private long lastShown;
  private boolean drewBar;

  ProgressReporter(PrintWriter err, long total, boolean terminal, boolean quiet) {
    this.err = err;
    this.total = total;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  @Override
  public void accept(Progress p) {
    if (quiet) return;
    long now = System.nanoTime();
    boolean last = p.filesDone() >= total;
    if (!last && now - lastShown < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) return;
    lastShown = now;
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    double rate = p.filesDone() / seconds;
    long eta = rate > 0 ? (long) ((total - p.filesDone()) / rate) : 0;
    String stats = String.format(Locale.ROOT, "%d/%d files, %d articles, %d unchanged, %d failed, %.1f files/s, ETA %s",
        p.filesDone(), total, p.articles(), p.skipped(), p.failures(), rate, duration(eta));
    if (terminal) {
      int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * p.filesDone() / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + stats + "   ");
      drewBar = true;
      if (last) err.println();
    } else {
      err.println("import: " + stats);
    }
    err.flush();
  }

  void finish() {
    if (drewBar) err.println();
    err.flush();
  }

  private static String duration(long seconds) {
    return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
