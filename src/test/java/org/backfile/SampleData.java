package org.backfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tables of sample-data/README.md, read so that the README and the tests can't drift apart. */
record SampleData(List<Expected> articles, List<Snippet> boilerplate, List<Snippet> bodyText) {

  static final Path DIR = Path.of("sample-data");

  /** One article's expected metadata; {@code published} is null when undated. */
  record Expected(String file, String title, List<String> authors, String published) {}

  record Snippet(String file, String text) {}

  static SampleData read() {
    try {
      List<String> lines = Files.readAllLines(DIR.resolve("README.md"));
      List<Expected> articles = new ArrayList<>();
      for (List<String> row : table(lines, "## Articles")) {
        List<String> authors = row.get(2).isEmpty() ? List.of() : List.of(row.get(2).split("\\s*;\\s*"));
        articles.add(new Expected(row.get(0), row.get(1), authors, row.get(3).equals("undated") ? null : row.get(3)));
      }
      return new SampleData(articles, snippets(lines, "## Boilerplate that must not reach the body"),
          snippets(lines, "## Text that must be in the body"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Snippet> snippets(List<String> lines, String heading) {
    return table(lines, heading).stream().map(r -> new Snippet(r.get(0), r.get(1))).toList();
  }

  /** The rows (cells stripped) of the first table after a heading, without its header rows. */
  private static List<List<String>> table(List<String> lines, String heading) {
    int i = lines.indexOf(heading);
    if (i < 0) throw new IllegalStateException("sample-data/README.md has no '" + heading + "' section");
    while (!lines.get(i).startsWith("|")) i++;
    i += 2; // header and separator
    List<List<String>> rows = new ArrayList<>();
    for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i).strip();
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      List<String> row = new ArrayList<>();
      for (String c : cells) row.add(c.strip());
      rows.add(row);
    }
    return rows;
  }
}
