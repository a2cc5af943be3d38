package org.backfile.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads author names (and a date, when there is one) from a byline: "By A and B", "By A, B and
 * C", "Posted by A on April 04, 2012", "A | Staff Writer", "Written by A", "— A", "Von A und B".
 *
 * <p>What comes back is only names: never the date, a site name, a job title or placeholders
 * like "Admin" and "Staff".
 */
public final class Bylines {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NAME_PARTS = Pattern.compile("[\\s-]+");
  private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
  private static final Pattern LINK = Pattern.compile("\\S*://\\S*");
  private static final Pattern PUNCTUATION_AT_ENDS = Pattern.compile("^[\\p{Punct}\\s—–]+|[\\p{Punct}\\s—–&&[^.]]+$");
  private static final Pattern TRAILING_PREPOSITION = Pattern.compile("\\s+(?:on|at|am|le|el|in|um)$");

  /** Names found in a byline, in page order, and the date written next to them (or null). */
  public record Byline(List<String> authors, PartialDate date) {
    public Byline {
      authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
    }
  }

  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  /** Lead-ins before the names; "by" in several languages, dashes, labels. */
  private static final Pattern PREFIX = Pattern.compile(
      "^(?:(?:posted|written|published|reported|compiled|edited|created|photos?|text|words|story|"
          + "article|submitted|contributed|uploaded|shared|erstellt|veröffentlicht)\\s+)?"
          + "(?:by|von|par|por|door|di|av|przez|"
          + "autor(?:[*:_/]?in(?:nen)?)?|auteur|author|authors|verfasst von|geschrieben von|interview|"
          + "text|redaktion|reporter|ein beitrag von|an article by|from)\\b\\s*:?\\s*"
          + "|^(?-i:(?:Author|Autor|By|Von)(?=\\p{Lu}[\\p{Ll}.]))"
          + "|^(?:alle|all|mehr|more|view all|see all)\\s+(?:artikel|articles|posts|beiträge|stories)"
          + "\\s+(?:von|by|de|of)\\s+"
          + "|^(?:责任编辑|编辑|作者|记者|撰文|文)\\s*[:：]\\s*"
          + "|^[-—–―~•·|:]+\\s*"
          + "|^(?:posted|published|updated|written)\\s*:?\\s*(?=\\S)",
      FLAGS);

  /** Words that make a segment a job title, a desk or a source rather than a person. */
  private static final Pattern ROLE = Pattern.compile(
      "\\b(?:staff|writer|editor|editors|editorial|correspondent|reporter|reporters|contributor|"
          + "contributing|columnist|photographer|photos?|illustration|producer|director|"
          + "associate|senior|chief|managing|news|newsroom|desk|team|press|agency|media|"
          + "redaktion|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|mitarbeiter|author|"
          + "publisher|redacción|redaccion|rédaction|redazione|agencies|copyright|"
          + "fotos?|bild|credits?|фото|"
          + "updated|published|posted|comments?|minutes?|read|views?|share|"
          + "follow|twitter|facebook|email|e-mail|more|articles?|stories|category|tags?|"
          + "artikel|beiträge|posts|veröffentlicht|aktualisiert|erstellt|gesponsert|"
          + "gesponserte|sponsored|advertisement|anzeige|werbung|"
          + "filed|under|professor|university|journalist|analyst|guest|blogger|"
          + "administrator|admin|webmaster|anonymous|unknown|user|moderator|"
          + "reuters|afp|dpa|ap|ansa|efe|upi)\\b",
      FLAGS);

  private static final Pattern SPLIT = Pattern.compile(
      "\\s*(?:,|;|&|\\+|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\bi\\b|\\be\\b|\\ben\\b|\\boch\\b|/)\\s*",
      FLAGS);

  /** Where a byline stops: a date, "on", "at", "in", or a separator before a role or a place. */
  private static final Pattern TAIL = Pattern.compile(
      "\\s+(?:on|at|am|le|el|il|dnia|um|in|for|for the|für|pour|para|@)\\s*$"
          + "|\\s*[|•·()\\[\\]]\\s*$",
      FLAGS);

  private static final Set<String> NOT_NAMES = Set.of(
      "admin", "administrator", "staff", "editor", "editors", "guest", "anonymous", "unknown",
      "team", "redaktion", "the", "by", "on", "posted", "updated", "published", "and", "home",
      "news", "none", "null", "root", "user", "webmaster", "author", "autor");

  /** Day names (and their short forms) in the languages we see most: never a person. */
  private static final Pattern WEEKDAY = Pattern.compile(
      "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
          + "donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|"
          + "samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|"
          + "martedì|mercoledì|giovedì|venerdì|sabato|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|"
          + "fr|sa|so)\\.?", FLAGS);

  /**
   * A field label in the middle of a line of labelled fields ("Datum: 19.11.2021 Autor: A
   * Quelle: B"): the names follow it, up to the next label.
   */
  private static final Pattern AUTHOR_LABEL = Pattern.compile(
      "(?:^|(?<=\\s))(?:autor(?:[*:_/]?in)?|author|authors|auteur|verfasser(?:in)?|text|by|von)\\s*:\\s*",
      FLAGS);
  private static final Pattern NEXT_LABEL = Pattern.compile("\\s\\p{L}[\\p{L}-]*:\\s");

  /** A legal form after a name makes it a company or a club, never a writer. */
  private static final Pattern ORGANISATION = Pattern.compile(
      "\\b(?:gmbh|ag|kg|e\\.\\s?v\\.?|ltd|inc|llc|plc|s\\.a\\.|s\\.l\\.|sarl|sas|s\\.p\\.a\\.|"
          + "b\\.v\\.|n\\.v\\.|co\\.\\s?kg)(?=$|[\\s.,;)])", FLAGS);

  private Bylines() {}

  /** Parses one byline as shown on a page. */
  public static Optional<Byline> parse(String line) {
    return parse(line, null, Clock.systemUTC());
  }

  /**
   * Parses one byline, dropping {@code siteName} (the publication, when known) from the names.
   */
  public static Optional<Byline> parse(String line, String siteName) {
    return parse(line, siteName, Clock.systemUTC());
  }

  static Optional<Byline> parse(String line, String siteName, Clock clock) {
    return parse(line, siteName, clock, false);
  }

  /**
   * For lines found in running text, where "von der Fahrbahn" is prose: names must be written
   * like names (capitalised words, particles like "van" or "de" aside) and the line short.
   */
  static Optional<Byline> parseStrict(String line, String siteName, Clock clock) {
    return parse(line, siteName, clock, true);
  }

  private static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "de", "da",
      "di", "du", "la", "le", "del", "dos", "das", "bin", "al", "el", "ten", "ter", "zu", "y");

  private static boolean writtenLikeName(String name) {
    for (String word : NAME_PARTS.split(name)) {
      if (word.isEmpty() || PARTICLES.contains(word)) {
        continue;
      }
      int first = word.codePointAt(0);
      if (Character.isLetter(first) && Character.isLowerCase(first)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Byline> parse(String line, String siteName, Clock clock,
      boolean strict) {
    if (line == null) {
      return Optional.empty();
    }
    String text = WHITESPACE.matcher(line.replace('\u00a0', ' ')).replaceAll(" ").strip();
    if (text.isEmpty() || text.length() > 300) {
      return Optional.empty();
    }
    PartialDate date = null;
    List<TextDates.Found> dates = TextDates.findAll(text, clock);
    java.util.regex.Matcher label = AUTHOR_LABEL.matcher(text);
    if (label.find()) {
      // "Datum: 19.11.2021 Autor: A Quelle: B": the date may sit anywhere, the names follow
      // their label.
      date = dates.isEmpty() ? null : dates.get(0).date();
      String rest = text.substring(label.end());
      java.util.regex.Matcher next = NEXT_LABEL.matcher(rest);
      text = next.find() ? rest.substring(0, next.start()) : rest;
      dates = TextDates.findAll(text, clock);
    }
    if (!dates.isEmpty()) {
      date = date == null ? dates.get(0).date() : date;
      // Names sit before the first date ("Posted by A on ..."), or after it ("April 4, 2012 by A").
      TextDates.Found first = dates.get(0);
      String before = text.substring(0, first.start());
      String after = text.substring(first.end());
      text = hasName(before) ? before : after;
    }
    if (strict && text.strip().length() > 80) {
      return Optional.empty();
    }
    List<String> names = names(text, siteName, strict);
    if (names.isEmpty() && date == null) {
      return Optional.empty();
    }
    return Optional.of(new Byline(names, date));
  }

  /** Just the names of a byline; empty when there is none. */
  public static List<String> authors(String line) {
    return parse(line).map(Byline::authors).orElse(List.of());
  }

  private static boolean hasName(String s) {
    return s.codePoints().filter(Character::isLetter).count() >= 3
        && !PREFIX.matcher(s.strip()).replaceFirst("").strip().isEmpty();
  }

  private static List<String> names(String text, String siteName, boolean strict) {
    String s = text.strip();
    // Cut at separators that start a role, a place or a second field: "A | Staff Writer".
    s = s.split("\\s+[|•·]\\s+|\\s+-\\s+(?=\\p{Lu}?\\p{Ll}*\\s*(?:staff|writer|editor|correspondent))|\\n", 2)[0];
    s = BRACKETED.matcher(s).replaceAll(" ");
    for (int i = 0; i < 3; i++) {
      String t = PREFIX.matcher(s.strip()).replaceFirst("");
      t = TAIL.matcher(t).replaceFirst("");
      if (t.equals(s)) {
        break;
      }
      s = t;
    }
    // "Posted on ... by A": take what follows the last " by ".
    int by = s.toLowerCase(Locale.ROOT).lastIndexOf(" by ");
    if (by >= 0) {
      s = s.substring(by + 4);
    }
    // "http://x/y" would split on its slashes into "http:" and a path.
    s = LINK.matcher(s).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    for (String part : SPLIT.split(s)) {
      String name = cleanName(part);
      if (strict && !name.isEmpty() && !ROLE.matcher(name).find() && !writtenLikeName(name)) {
        // Running text ("Von Einheimischen, Gästen und ganz viel Kühen"): one part that is
        // not written like a name makes the whole line prose, not a byline.
        return new ArrayList<>();
      }
      if (isName(name, siteName)) {
        names.add(name);
      }
    }
    return new ArrayList<>(names);
  }

  /** Link labels glued to a name: "Jane Doe Alle Artikel", "Jane Doe View all posts". */
  private static final Pattern TRAILING_LINK = Pattern.compile(
      "\\s+(?:alle|all|mehr|more|view all|see all)\\s+(?:artikel|articles|posts|beiträge|"
          + "stories)(?:\\s+\\S+)?$", FLAGS);

  private static String cleanName(String part) {
    String n = PREFIX.matcher(part.strip()).replaceFirst("");
    n = TRAILING_LINK.matcher(n).replaceFirst("");
    // A name printed twice (visible text and a screen-reader copy): "Jane Doe Jane Doe".
    String[] w = WHITESPACE.split(n.strip());
    if (w.length >= 2 && w.length % 2 == 0) {
      String first = String.join(" ", java.util.Arrays.copyOfRange(w, 0, w.length / 2));
      if (first.equals(String.join(" ", java.util.Arrays.copyOfRange(w, w.length / 2, w.length)))) {
        n = first;
      }
    }
    n = PUNCTUATION_AT_ENDS.matcher(n).replaceAll("");
    n = TRAILING_PREPOSITION.matcher(n).replaceAll("");
    // "Jane Doe Fr" where the line went on "Fr, 12.03.": a day's short name is not a surname.
    String[] words = WHITESPACE.split(n.strip());
    if (words.length > 2 && WEEKDAY.matcher(words[words.length - 1]).matches()) {
      n = n.strip().substring(0, n.strip().lastIndexOf(' '));
    }
    return n.strip();
  }

  private static boolean isName(String name, String siteName) {
    if (name.length() < 2 || name.length() > 60) {
      return false;
    }
    String lowered = name.toLowerCase(Locale.ROOT);
    if (NOT_NAMES.contains(lowered) || ROLE.matcher(name).find() || WEEKDAY.matcher(name).matches()
        || name.contains("©") || ORGANISATION.matcher(name).find()) {
      return false;
    }
    // "Archiv anzeigen →", "Mehr ›": link labels with arrows and other symbols.
    if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.MATH_SYMBOL
        || Character.getType(c) == Character.OTHER_SYMBOL)) {
      return false;
    }
    // Scripts without letter case write a name in a few characters ("孔德明"); a long run of
    // them is a headline or a sentence.
    if (name.codePoints().noneMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c))
        && name.codePoints().filter(Character::isLetter).count() > 8) {
      return false;
    }
    if (name.codePoints().anyMatch(Character::isDigit) || name.contains("@")
        || name.contains("://") || lowered.matches(".*\\.(?:com|org|net|de|co|uk|fr|io|info)\\b.*")) {
      return false;
    }
    if (siteName != null && !siteName.isBlank()
        && lowered.equals(siteName.strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    String[] words = WHITESPACE.split(name);
    if (words.length > 5) {
      return false;
    }
    long letters = name.codePoints().filter(Character::isLetter).count();
    long visible = name.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    return letters >= 2 && letters * 10 >= visible * 7L;
  }
}
