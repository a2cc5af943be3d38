package org.backfile.ingest.eval;

import java.util.List;

/**
 * The trafilatura evaluation metric: whitespace is collapsed in snippets and extracted text;
 * a {@code with} snippet found is a true positive, missing a false negative; a {@code without}
 * snippet found is a false positive, absent a true negative. Counts are summed over pages.
 */
final class SnippetScore {

  private int tp;
  private int fn;
  private int fp;
  private int tn;

  /** Scores one page; returns {with found, with total, without found}. */
  int[] add(List<String> with, List<String> without, String extracted) {
    String text = collapse(extracted);
    int found = 0;
    for (String s : with) {
      if (text.contains(collapse(s))) {
        tp++;
        found++;
      } else {
        fn++;
      }
    }
    int leaked = 0;
    for (String s : without) {
      if (text.contains(collapse(s))) {
        fp++;
        leaked++;
      } else {
        tn++;
      }
    }
    return new int[] {found, with.size(), leaked};
  }

  double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  double accuracy() {
    int all = tp + fn + fp + tn;
    return all == 0 ? 0 : (double) (tp + tn) / all;
  }

  static String collapse(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
