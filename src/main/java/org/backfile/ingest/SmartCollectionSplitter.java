package org.backfile.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART test collections such as CACM: records start with {@code .I <id>}, then one-letter fields
 * ({@code .T} title, {@code .W} abstract, {@code .B} publication and date, {@code .A} authors one
 * per line, {@code .K} keywords). Copes with an id split over two lines and stray control bytes.
 */
public final class SmartCollectionSplitter {

  /** A record with its SMART id, which relevance judgements refer to. */
  public record SmartRecord(String smartId, Article article) {}

  private static final Pattern ID_LINE = Pattern.compile("\\.I\\s+(\\d+)\\s*");
  private static final Pattern FIELD_LINE = Pattern.compile("\\.([A-Z])\\s*");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final Pattern SURNAME_FIRST = Pattern.compile("([^,]+),\\s*(.+)");

  private SmartCollectionSplitter() {}

  /** Hands each record's article on as soon as it is read. */
  static void split(TextLines lines, String source, ArticleStream out)
      throws ExtractionException, IOException, InterruptedException {
    records(lines, source, r -> out.accept(r.article()));
  }

  /**
   * Every record of a SMART file in order; article ordinals are record positions.
   *
   * @throws ExtractionException EMPTY when the text holds no {@code .I} record
   */
  public static List<SmartRecord> records(String text, String source) throws ExtractionException {
    List<SmartRecord> out = new ArrayList<>();
    try {
      records(TextLines.of(text, source), source, out::add);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("text in memory cannot fail to read", e);
    }
    return out;
  }

  /** Receives records as they are read. */
  @FunctionalInterface
  interface RecordStream {
    void accept(SmartRecord record) throws InterruptedException;
  }

  private static void records(TextLines text, String source, RecordStream out)
      throws ExtractionException, IOException, InterruptedException {
    Map<Character, List<String>> fields = null;
    String smartId = null;
    Character field = null;
    int count = 0;
    String line = next(text);
    while (line != null) {
      String following = next(text);
      Matcher id = ID_LINE.matcher(line);
      if (id.matches()) {
        if (smartId != null) out.accept(record(smartId, fields, source, count++));
        smartId = id.group(1);
        // Quirk: an id broken over two lines (".I 28" then "56").
        if (following != null && following.strip().matches("\\d+")) {
          smartId += following.strip();
          following = next(text);
        }
        fields = new LinkedHashMap<>();
        field = null;
      } else {
        Matcher f = FIELD_LINE.matcher(line);
        if (f.matches() && fields != null) {
          field = f.group(1).charAt(0);
          fields.computeIfAbsent(field, k -> new ArrayList<>());
        } else if (field != null) {
          fields.get(field).add(line);
        }
      }
      line = following;
    }
    if (smartId != null) out.accept(record(smartId, fields, source, count++));
    if (count == 0) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "no .I records");
    }
  }

  private static String next(TextLines text) throws IOException, ExtractionException {
    String line = text.next();
    return line == null ? null : CONTROL.matcher(line).replaceAll("");
  }

  private static SmartRecord record(String smartId, Map<Character, List<String>> fields, String source, int ordinal) {
    Map<String, String> provenance = new LinkedHashMap<>();
    String title = joined(fields.get('T'));
    provenance.put("title", "smart-T");
    String body = String.join("\n\n", PlainText.blocks(String.join("\n", lines(fields.get('W'))), false));
    String publication = null;
    PartialDate published = null;
    String b = joined(fields.get('B'));
    if (!b.isEmpty()) {
      int space = b.indexOf(' ');
      publication = space < 0 ? b : b.substring(0, space);
      published = TextDates.find(b).orElse(null);
      if (published == null) {
        Matcher year = Pattern.compile("(?<!\\d)(1[89]\\d\\d|20\\d\\d)(?!\\d)").matcher(b);
        if (year.find()) published = PartialDate.ofYear(Integer.parseInt(year.group(1)));
      }
      if (published != null) provenance.put("published", "smart-B");
    }
    List<String> authors = new ArrayList<>();
    for (String a : lines(fields.get('A'))) {
      if (a.isBlank()) continue;
      Matcher m = SURNAME_FIRST.matcher(a.strip());
      authors.add(m.matches() ? m.group(2).strip() + " " + m.group(1).strip() : a.strip());
    }
    if (!authors.isEmpty()) provenance.put("authors", "smart-A");
    List<String> tags = new ArrayList<>();
    for (String k : joined(fields.get('K')).split("[,;]")) {
      if (!k.isBlank() && !tags.contains(k.strip())) tags.add(k.strip());
    }
    String summary = Summaries.leadSentences(body);
    Article article = new Article(source, ArticleIds.of(source, ordinal), title, authors, published,
        publication, null, tags, null, "en", summary, body, "text/x-smart", List.of(), provenance);
    return new SmartRecord(smartId, article);
  }

  private static List<String> lines(List<String> field) {
    return field == null ? List.of() : field;
  }

  private static String joined(List<String> field) {
    return String.join(" ", lines(field)).replaceAll("\\s+", " ").strip();
  }
}
