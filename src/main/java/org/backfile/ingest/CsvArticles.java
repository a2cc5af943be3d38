package org.backfile.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV with a header row naming article fields; quoted fields may hold commas, quotes and newlines. */
final class CsvArticles {

  private CsvArticles() {}

  static List<Article> read(String text, String source) throws ExtractionException {
    List<List<String>> rows = rows(text);
    if (rows.isEmpty()) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the CSV file has no rows");
    }
    List<String> header = rows.get(0);
    List<Article> articles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isBlank()) continue;
      if (row.size() != header.size()) {
        problems.add("row " + (r + 1) + ": " + row.size() + " fields, the header has " + header.size());
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) fields.put(header.get(c), row.get(c));
      articles.add(FieldRecords.toArticle(fields, source, articles.size(), "text/csv"));
    }
    return FieldRecords.finish(articles, problems, source);
  }

  /** RFC 4180 rows: fields split on commas outside quotes, "" is a quote inside a quoted field. */
  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
