package org.backfile.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backfile.ingest.Article;
import org.backfile.search.ExportHeader;
import org.backfile.search.ExportSink;

/**
 * Export formats. CSV starts with {@code #} comment lines that say what was run (query, filters,
 * order, index version, total) so a result set can be cited and re-run; JSONL starts with one
 * {@code {"meta": ...}} line. Cells that a spreadsheet would run as a formula are neutralised.
 */
public final class ExportWriters {

  /** Columns, in order, of both formats. */
  static final List<String> COLUMNS = List.of("id", "title", "authors", "published",
      "publishedPrecision", "publication", "section", "tags", "url", "language", "summary", "source");

  private ExportWriters() {}

  /** An export format by name: csv or jsonl. */
  public static ExportSink forFormat(String format, Writer out, boolean withBody) {
    return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> new Csv(out, withBody);
      case "jsonl" -> new Jsonl(out, withBody);
      default -> throw new org.backfile.search.InvalidParameterException("format",
          "format must be csv or jsonl, got '" + format + "'");
    };
  }

  public static String contentType(String format) {
    return format.equalsIgnoreCase("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  }

  static Map<String, Object> fields(Article a, boolean withBody) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("title", a.title());
    m.put("authors", a.authors());
    m.put("published", a.published() == null ? null : a.published().toString());
    m.put("publishedPrecision", a.published() == null ? null : a.published().precision().label());
    m.put("publication", a.publication());
    m.put("section", a.section());
    m.put("tags", a.tags());
    m.put("url", a.url());
    m.put("language", a.language());
    m.put("summary", a.summary());
    m.put("source", fileName(a.source()));
    if (withBody) m.put("body", a.body());
    return m;
  }

  /** Only the file name: the server's folders are nobody's business. */
  static String fileName(String source) {
    if (source == null) return null;
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 ? source : source.substring(slash + 1);
  }

  private static final class Csv implements ExportSink {
    private final Writer out;
    private final boolean withBody;

    Csv(Writer out, boolean withBody) {
      this.out = out;
      this.withBody = withBody;
    }

    @Override
    public void header(ExportHeader h) throws IOException {
      out.write("# Backfile export\n");
      out.write("# query: " + oneLine(h.query()) + "\n");
      out.write("# filters: " + oneLine(h.filters().toString()) + "\n");
      out.write("# sort: " + h.sort() + "\n");
      out.write("# index version: " + h.indexVersion() + "\n");
      out.write("# total: " + h.total() + "\n");
      out.write("# exported at: " + h.exportedAt() + "\n");
      StringBuilder header = new StringBuilder(String.join(",", COLUMNS));
      if (withBody) header.append(",body");
      out.write(header + "\n");
    }

    @Override
    public void row(Article a) throws IOException {
      StringBuilder line = new StringBuilder();
      for (Object value : fields(a, withBody).values()) {
        if (line.length() > 0) line.append(',');
        line.append(cell(value));
      }
      out.write(line.append('\n').toString());
    }

    /** RFC 4180 quoting; a leading = + - @ (or tab/CR) gets a ' so spreadsheets show it as text. */
    static String cell(Object value) {
      if (value == null) return "";
      String s = value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
          : value.toString();
      if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
      if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
        s = "\"" + s.replace("\"", "\"\"") + "\"";
      }
      return s;
    }

    private static String oneLine(String s) {
      return s.replace('\n', ' ').replace('\r', ' ');
    }
  }

  private static final class Jsonl implements ExportSink {
    private final Writer out;
    private final boolean withBody;

    Jsonl(Writer out, boolean withBody) {
      this.out = out;
      this.withBody = withBody;
    }

    @Override
    public void header(ExportHeader h) throws IOException {
      out.write(Json.GSON.toJson(Map.of("meta", h)) + "\n");
    }

    @Override
    public void row(Article a) throws IOException {
      out.write(Json.GSON.toJson(fields(a, withBody)) + "\n");
    }
  }
}
