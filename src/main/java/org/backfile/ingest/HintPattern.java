package org.backfile.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pattern over an element's class and id ({@link PageCleaner#hints}) that remembers its answers.
 * A page repeats the same few class strings on hundreds of elements, and these patterns are long
 * alternations of words that a regex searches at every position: the cleaners ran them on every
 * element. The answers are kept per thread (no locking) and forgotten after {@value #LIMIT}
 * strings, so a long import does not grow them without bound.
 */
final class HintPattern {

  private static final int LIMIT = 4096;

  private final Pattern pattern;
  private final ThreadLocal<Map<String, Boolean>> answers = ThreadLocal.withInitial(HashMap::new);

  HintPattern(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Whether the pattern occurs in {@code hints}; the same as {@code matcher(hints).find()}. */
  boolean find(String hints) {
    Map<String, Boolean> known = answers.get();
    Boolean found = known.get(hints);
    if (found == null) {
      if (known.size() >= LIMIT) {
        known.clear();
      }
      found = pattern.matcher(hints).find();
      known.put(hints, found);
    }
    return found;
  }
}
