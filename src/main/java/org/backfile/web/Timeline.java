package org.backfile.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.backfile.search.Histogram;

/**
 * A search's matches per year (or per month when they span under three years), laid out as bars
 * for an inline SVG drawn on the server: no script, no remote chart library.
 */
public record Timeline(String interval, List<Bar> bars, int width, int height, long max, long undated) {

  static final int HEIGHT = 90;
  static final int LABEL_SPACE = 16;
  private static final int MAX_BAR_WIDTH = 40;
  private static final int WIDTH = 640;

  public Timeline {
    bars = List.copyOf(bars);
  }

  /** One period's bar; {@code url} filters the search to that period. */
  public record Bar(String period, long count, int x, int y, int w, int h, String label, String url) {}

  static Timeline of(Histogram h, Function<String, String> urlForPeriod) {
    List<Histogram.Bucket> buckets = h.buckets();
    if (buckets.isEmpty()) return new Timeline(h.interval(), List.of(), WIDTH, HEIGHT + LABEL_SPACE, 0, h.undated());
    long max = buckets.stream().mapToLong(Histogram.Bucket::count).max().orElse(1);
    int slot = Math.max(2, Math.min(MAX_BAR_WIDTH + 4, WIDTH / buckets.size()));
    int labelEvery = Math.max(1, (int) Math.ceil(buckets.size() / (WIDTH / 48.0)));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      Histogram.Bucket b = buckets.get(i);
      int barHeight = max == 0 ? 0 : (int) Math.round((double) b.count() / max * (HEIGHT - 4));
      if (b.count() > 0 && barHeight < 2) barHeight = 2;
      String label = i % labelEvery == 0 ? b.period() : "";
      bars.add(new Bar(b.period(), b.count(), i * slot, HEIGHT - barHeight, Math.max(1, slot - 3), barHeight,
          label, urlForPeriod.apply(b.period())));
    }
    return new Timeline(h.interval(), bars, Math.max(slot * buckets.size(), 1), HEIGHT + LABEL_SPACE, max, h.undated());
  }

  public boolean empty() {
    return bars.isEmpty();
  }
}
