package org.backfile.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV with a header row naming article fields; quoted fields may hold commas, quotes and newlines. */
final class CsvArticles {

  private CsvArticles() {}

  /** Reads row by row, handing each article on as soon as it is read. */
  static void read(TextLines lines, String source, ArticleStream out)
      throws ExtractionException, IOException, InterruptedException {
    List<String> header = nextRow(lines);
    if (header == null) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the CSV file has no rows");
    }
    RecordWarnings records = new RecordWarnings(out);
    int r = 1;
    for (List<String> row = nextRow(lines); row != null; row = nextRow(lines)) {
      r++;
      if (row.size() == 1 && row.get(0).isBlank()) continue;
      if (row.size() != header.size()) {
        records.warn("row " + r + ": " + row.size() + " fields, the header has " + header.size());
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) fields.put(header.get(c), row.get(c));
      records.accept(FieldRecords.toArticle(fields, source, (int) records.count(), "text/csv"));
    }
    FieldRecords.finish(records, source);
  }

  /**
   * The next RFC 4180 row, or null at the end: fields split on commas outside quotes, "" is a quote
   * inside a quoted field, and a quoted field may run over several lines.
   */
  static List<String> nextRow(TextLines lines) throws IOException, ExtractionException {
    String line = lines.next();
    if (line == null) return null;
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      if (quoted) {
        line = lines.next();
        if (line != null) {
          field.append('\n');
          continue;
        }
      }
      row.add(field.toString());
      return row;
    }
  }
}
