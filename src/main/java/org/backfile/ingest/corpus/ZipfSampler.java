package org.backfile.ingest.corpus;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
final class ZipfSampler {

  private final double[] cumulative;

  ZipfSampler(int n, double exponent) {
    if (n < 1) throw new IllegalArgumentException("a Zipf sampler needs n >= 1, got " + n);
    cumulative = new double[n];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += 1.0 / Math.pow(r + 1, exponent);
      cumulative[r] = sum;
    }
    for (int r = 0; r < n; r++) cumulative[r] /= sum;
  }

  int sample(SplittableRandom random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
  }

  int size() {
    return cumulative.length;
  }
}
