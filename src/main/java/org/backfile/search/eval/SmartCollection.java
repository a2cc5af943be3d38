package org.backfile.search.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A test collection in the SMART format (CACM, CISI, MED, …) read as shipped: {@code *.all} holds
 * the documents, {@code query.text} the queries, {@code qrels.text} the judgements. Records start
 * with {@code .I id}; a field starts with a line {@code .X} and runs to the next such line. Ids are
 * compared as numbers, so "05" and "5" are the same.
 *
 * @param queries query id → text, in file order
 * @param relevant query id → the ids of the documents judged relevant
 */
public record SmartCollection(List<Doc> docs, Map<String, String> queries, Map<String, Set<String>> relevant) {

  /** One document: its fields by letter ({@code T} title, {@code W} abstract, {@code A} authors, …). */
  public record Doc(String id, Map<Character, String> fields) {
    public Doc {
      fields = Map.copyOf(fields);
    }

    public String field(char letter) {
      return fields.getOrDefault(letter, "");
    }
  }

  public SmartCollection {
    docs = List.copyOf(docs);
    queries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    relevant = Map.copyOf(relevant);
  }

  /** Loads the collection whose files lie in a folder. */
  public static SmartCollection load(Path dir) throws IOException {
    Path all;
    try (Stream<Path> files = Files.list(dir)) {
      all = files.filter(p -> p.getFileName().toString().endsWith(".all"))
          .min(Comparator.naturalOrder())
          .orElseThrow(() -> new NoSuchFileException(dir.resolve("*.all").toString()));
    }
    List<Doc> docs = new ArrayList<>();
    for (Map<Character, String> r : records(read(all))) docs.add(new Doc(r.get('I'), r));
    Map<String, String> queries = new LinkedHashMap<>();
    for (Map<Character, String> r : records(read(dir.resolve("query.text")))) {
      queries.put(r.get('I'), r.getOrDefault('W', ""));
    }
    return new SmartCollection(docs, queries, qrels(read(dir.resolve("qrels.text"))));
  }

  /** Queries that have at least one judged-relevant document, in file order. */
  public List<String> judgedQueries() {
    return queries.keySet().stream().filter(q -> !relevant.getOrDefault(q, Set.of()).isEmpty()).toList();
  }

  /** Latin-1 never fails to decode; control bytes other than tab and newline become spaces. */
  static String read(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') continue;
      out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? ' ' : c);
    }
    return out.toString();
  }

  /**
   * Splits text into records of fields. Lines after {@code .I} that are not a field marker continue
   * the id (CACM splits one id over two lines: ".I 28" then "56").
   */
  static List<Map<Character, String>> records(String text) {
    List<Map<Character, String>> out = new ArrayList<>();
    Map<Character, StringBuilder> current = null;
    StringBuilder field = null;
    char letter = 0;
    for (String line : text.split("\n", -1)) {
      if (isMarker(line)) {
        letter = line.charAt(1);
        if (letter == 'I') {
          if (current != null) out.add(finish(current));
          current = new LinkedHashMap<>();
        }
        if (current == null) continue; // fields before the first record
        field = current.computeIfAbsent(letter, k -> new StringBuilder());
        String rest = line.substring(2).strip();
        if (!rest.isEmpty()) field.append(rest);
        continue;
      }
      if (field == null) continue;
      if (letter == 'I') {
        field.append(line.strip());
      } else {
        if (!field.isEmpty()) field.append('\n');
        field.append(line);
      }
    }
    if (current != null) out.add(finish(current));
    return out;
  }

  private static boolean isMarker(String line) {
    return line.length() >= 2 && line.charAt(0) == '.' && Character.isUpperCase(line.charAt(1))
        && (line.length() == 2 || line.charAt(2) == ' ');
  }

  private static Map<Character, String> finish(Map<Character, StringBuilder> record) {
    Map<Character, String> out = new HashMap<>();
    record.forEach((k, v) -> out.put(k, k == 'I' ? normalId(v.toString()) : v.toString().strip()));
    return out;
  }

  /** "qid docid …" lines; other columns are ignored. */
  static Map<String, Set<String>> qrels(String text) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] cols = line.strip().split("\\s+");
      if (cols.length < 2) continue;
      out.computeIfAbsent(normalId(cols[0]), k -> new LinkedHashSet<>()).add(normalId(cols[1]));
    }
    out.replaceAll((k, v) -> Set.copyOf(v));
    return out;
  }

  /** Numeric ids without leading zeros; other ids as they are. */
  static String normalId(String id) {
    String s = id.strip();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      String t = s.replaceFirst("^0+", "");
      return t.isEmpty() ? "0" : t;
    }
    return s;
  }
}
