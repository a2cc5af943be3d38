package org.backfile.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads bylines such as "By A and B" or "Posted by A on April 04, 2012". */
public final class Bylines {

  /** Who wrote it and, when the byline says, when. */
  public record Byline(List<String> authors, PartialDate date) {
    public Byline {
      authors = List.copyOf(authors);
    }
  }

  private static final Pattern BYLINE = Pattern.compile(
      "^\\s*(?:posted|written|published)?\\s*by\\s+(.+?)(?:\\s+on\\s+(.+))?\\s*$",
      Pattern.CASE_INSENSITIVE);

  private Bylines() {}

  public static Optional<Byline> parse(String line) {
    if (line == null || line.length() > 160) return Optional.empty();
    Matcher m = BYLINE.matcher(line);
    if (!m.matches()) return Optional.empty();
    List<String> names = new ArrayList<>();
    for (String part : m.group(1).split("\\s*(?:,|\\band\\b|&)\\s*")) {
      String name = part.strip();
      if (!name.isEmpty() && Character.isUpperCase(name.charAt(0)) && name.split("\\s+").length <= 4) {
        names.add(name);
      }
    }
    if (names.isEmpty()) return Optional.empty();
    PartialDate date = m.group(2) == null ? null : TextDates.parse(m.group(2)).orElse(null);
    return Optional.of(new Byline(names, date));
  }
}
