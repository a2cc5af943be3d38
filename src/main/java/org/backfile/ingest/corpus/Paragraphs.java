package org.backfile.ingest.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which pieces of source text count as prose paragraphs worth recombining. */
final class Paragraphs {

  static final int MIN_CHARS = 80;
  static final int MAX_CHARS = 2_000;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Paragraphs() {}

  /** Collapses whitespace; returns null unless the text reads as a complete prose paragraph. */
  static String prose(String text) {
    String p = SPACES.matcher(text).replaceAll(" ").strip();
    if (p.length() < MIN_CHARS || p.length() > MAX_CHARS) return null;
    // Fragments cut mid-sentence (Europarl lines are excerpts) start in lower case or end without a stop.
    char first = p.charAt(0);
    char last = p.charAt(p.length() - 1);
    if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"')) return null;
    if (".!?\"')".indexOf(last) < 0) return null;
    int letters = 0;
    int spaces = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (Character.isLetter(c)) letters++;
      else if (c == ' ') spaces++;
    }
    // Tables, code, ASCII art and signatures have few letters or few words.
    if (letters < p.length() * 0.7 || spaces < p.length() / 12) return null;
    return p;
  }

  /** The prose paragraphs of a text whose paragraphs are separated by {@code separator}. */
  static List<String> split(String text, Pattern separator) {
    List<String> out = new ArrayList<>();
    for (String part : separator.split(text)) {
      String p = prose(part);
      if (p != null) out.add(p);
    }
    return out;
  }

  /** "WHEAT EXPORTS RISE" reads as "Wheat Exports Rise"; mixed-case titles are kept. */
  static String titleCase(String title) {
    String t = SPACES.matcher(title).replaceAll(" ").strip();
    if (!t.equals(t.toUpperCase(Locale.ROOT))) return t;
    StringBuilder b = new StringBuilder(t.length());
    boolean start = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      b.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetterOrDigit(c) && c != '\'';
    }
    return b.toString();
  }
}
