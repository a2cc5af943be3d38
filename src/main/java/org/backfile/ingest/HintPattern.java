package org.backfile.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

  /** Words the pattern is an alternation of, lower case; searched with indexOf. */
  private final List<String> words;
  /** The rest of the alternation (bounded words and the like), or the whole pattern. */
  private final Pattern rest;
  /** Lower-case words one of which every match of {@code rest} holds; empty when not known. */
  private final List<String> needed;
  private final ThreadLocal<Map<String, Boolean>> answers = ThreadLocal.withInitial(HashMap::new);

  private HintPattern(List<String> words, Pattern rest, List<String> needed) {
    this.words = words;
    this.rest = rest;
    this.needed = needed;
  }

  /**
   * A pattern that can only match where one of {@code needed} occurs, ASCII case ignored (as the
   * pattern's own {@code CASE_INSENSITIVE} does without {@code UNICODE_CASE}). Most class strings
   * hold none of them and are answered with {@code indexOf}, without running the regex, which
   * tries every alternative at every position.
   */
  static HintPattern withNeededWords(Pattern pattern, List<String> needed) {
    if ((pattern.flags() & Pattern.UNICODE_CASE) != 0) {
      throw new IllegalArgumentException("Unicode case folding is not ASCII's: " + pattern);
    }
    if (needed.isEmpty()) {
      throw new IllegalArgumentException("needed words are required, got none for " + pattern);
    }
    return new HintPattern(List.of(), pattern, checkedLowerCase(needed));
  }

  /**
   * The alternation {@code word|word|…|rest}, ignoring ASCII case. It finds a match exactly when
   * one of the words occurs or {@code rest} finds one, and that is how it is searched: a regex
   * tries every alternative at every position of the string, {@code indexOf} is much faster.
   */
  static HintPattern ofWords(List<String> words, String rest, List<String> restNeeds) {
    return new HintPattern(checkedLowerCase(words), Pattern.compile(rest, Pattern.CASE_INSENSITIVE),
        checkedLowerCase(restNeeds));
  }

  /** The words, checked to be non-empty and lower case already. */
  private static List<String> checkedLowerCase(List<String> words) {
    for (String w : words) {
      if (w.isEmpty() || !w.equals(lowerAscii(w))) {
        throw new IllegalArgumentException("words must be non-empty and lower case, got " + w);
      }
    }
    return List.copyOf(words);
  }

  /** Whether the pattern occurs in {@code hints}; the same as {@code matcher(hints).find()}. */
  boolean find(String hints) {
    Map<String, Boolean> known = answers.get();
    Boolean found = known.get(hints);
    if (found == null) {
      if (known.size() >= LIMIT) {
        known.clear();
      }
      found = search(hints);
      known.put(hints, found);
    }
    return found;
  }

  private boolean search(String hints) {
    String lower = lowerAscii(hints);
    if (containsAny(lower, words)) {
      return true;
    }
    if (!needed.isEmpty() && !containsAny(lower, needed)) {
      return false;
    }
    return rest.matcher(hints).find();
  }

  private static boolean containsAny(String s, List<String> words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lower case for A-Z only: without {@code UNICODE_CASE} a case-insensitive regex folds ASCII
   * letters and nothing else (Java's {@code toLowerCase} would also fold "İ" or "K").
   */
  static String lowerAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int k = i; k < chars.length; k++) {
          if (chars[k] >= 'A' && chars[k] <= 'Z') {
            chars[k] = (char) (chars[k] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}
