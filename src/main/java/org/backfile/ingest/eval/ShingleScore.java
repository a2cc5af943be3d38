package org.backfile.ingest.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's body metric: texts become {@code \w+} tokens (Unicode), then
 * multisets of 4-token shingles; a page's true positives, false positives and false negatives
 * are counted over shingles and normalised to sum to 1. Precision and recall are averaged over
 * pages, and F1 is computed from the two means.
 */
public final class ShingleScore {

  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  /** One page's normalised counts, and whether its token lists were identical. */
  public record Page(double tp, double fp, double fn, boolean exact) {
    public double precision() {
      return tp + fp > 0 ? tp / (tp + fp) : fn == 0 ? 1 : 0;
    }

    public double recall() {
      return tp + fn > 0 ? tp / (tp + fn) : fp == 0 ? 1 : 0;
    }
  }

  /** Means over pages. */
  public record Summary(int pages, double precision, double recall, double f1, double accuracy) {}

  private final List<Page> pages = new ArrayList<>();

  public Page add(String expected, String actual) {
    Page p = score(expected, actual);
    pages.add(p);
    return p;
  }

  public Summary summary() {
    double p = 0;
    double r = 0;
    int exact = 0;
    for (Page page : pages) {
      p += page.precision();
      r += page.recall();
      exact += page.exact() ? 1 : 0;
    }
    int n = Math.max(1, pages.size());
    p /= n;
    r /= n;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Summary(pages.size(), p, r, f1, (double) exact / n);
  }

  public static Page score(String expected, String actual) {
    List<String> e = tokens(expected);
    List<String> a = tokens(actual);
    Map<String, Integer> want = shingles(e);
    Map<String, Integer> got = shingles(a);
    Set<String> keys = new HashSet<>(want.keySet());
    keys.addAll(got.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (String k : keys) {
      int w = want.getOrDefault(k, 0);
      int g = got.getOrDefault(k, 0);
      tp += Math.min(w, g);
      fp += Math.max(0, g - w);
      fn += Math.max(0, w - g);
    }
    double sum = tp + fp + fn;
    if (sum > 0) {
      tp /= sum;
      fp /= sum;
      fn /= sum;
    }
    return new Page(tp, fp, fn, e.equals(a));
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Map<String, Integer> shingles(List<String> tokens) {
    Map<String, Integer> out = new HashMap<>();
    int count = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < count; i++) {
      String s = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + N)));
      if (!s.isEmpty()) {
        out.merge(s, 1, Integer::sum);
      }
    }
    return out;
  }
}
