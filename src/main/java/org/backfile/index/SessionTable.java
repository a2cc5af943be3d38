package org.backfile.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fingerprints of articles grouped recently, looked up by exact hash and by band key. Band
 * keys sit in one open-addressing table of primitive arrays (12 bytes a slot, at most half full)
 * rather than a map of boxed keys to lists, which would take five times the memory. Not
 * thread-safe: {@link DuplicateGrouper} holds its lock.
 */
final class SessionTable {

  /** One remembered article. */
  static final class Entry {
    final BodyFingerprint fp;
    final String group;
    /** Set once the article is in the writer, so that a reopened reader shows it. */
    boolean written;

    Entry(BodyFingerprint fp, String group) {
      this.fp = fp;
      this.group = group;
    }
  }

  private static final int EMPTY = -1;

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> byHash = new HashMap<>();
  private long[] keys = new long[1 << 10];
  private int[] slots = emptySlots(keys.length);
  private int used;

  int size() {
    return entries.size();
  }

  Entry add(BodyFingerprint fp, String group) {
    Entry e = new Entry(fp, group);
    add(e);
    return e;
  }

  private void add(Entry e) {
    int index = entries.size();
    entries.add(e);
    byHash.putIfAbsent(e.fp.exactHash(), e);
    long[] bands = e.fp.bandKeys();
    while ((used + bands.length) * 2 > keys.length) grow();
    for (long key : bands) put(key, index);
  }

  /** The group of an exact copy, else of the most similar near copy at or above the threshold, else null. */
  String bestGroup(BodyFingerprint fp) {
    Entry exact = byHash.get(fp.exactHash());
    if (exact != null) return exact.group;
    String best = null;
    double bestSimilarity = 0;
    int mask = keys.length - 1;
    for (long key : fp.bandKeys()) {
      for (int i = slot(key); slots[i] != EMPTY; i = (i + 1) & mask) {
        if (keys[i] != key) continue;
        Entry candidate = entries.get(slots[i]);
        double s = fp.similarity(candidate.fp);
        if (s >= BodyFingerprint.THRESHOLD && s > bestSimilarity) {
          best = candidate.group;
          bestSimilarity = s;
        }
      }
    }
    return best;
  }

  List<Entry> written() {
    return entries.stream().filter(e -> e.written).toList();
  }

  /** Forgets these entries (and rebuilds the table from the rest, which are few). */
  void removeAll(Set<Entry> gone) {
    if (gone.isEmpty()) return;
    List<Entry> kept = entries.stream().filter(e -> !gone.contains(e)).toList();
    entries.clear();
    byHash.clear();
    keys = new long[1 << 10];
    slots = emptySlots(keys.length);
    used = 0;
    for (Entry e : kept) add(e); // the same objects: batches still in flight hold them
  }

  private void put(long key, int index) {
    int mask = keys.length - 1;
    int i = slot(key);
    while (slots[i] != EMPTY) i = (i + 1) & mask;
    keys[i] = key;
    slots[i] = index;
    used++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = emptySlots(keys.length);
    used = 0;
    for (int i = 0; i < oldKeys.length; i++) if (oldSlots[i] != EMPTY) put(oldKeys[i], oldSlots[i]);
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L; // band keys are hashes already; this spreads the band byte too
    return (int) (h >>> 32) & (keys.length - 1);
  }

  private static int[] emptySlots(int n) {
    int[] s = new int[n];
    Arrays.fill(s, EMPTY);
    return s;
  }
}
