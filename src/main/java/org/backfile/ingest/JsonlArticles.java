package org.backfile.ingest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Lines: one article object per line; arrays (authors, tags) are accepted as well as ';' lists. */
final class JsonlArticles {

  private JsonlArticles() {}

  /** Reads line by line, handing each article on as soon as it is read. */
  static void read(TextLines lines, String source, ArticleStream out)
      throws ExtractionException, IOException, InterruptedException {
    RecordWarnings records = new RecordWarnings(out);
    int n = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      n++;
      if (line.isBlank()) continue;
      try {
        JsonElement e = JsonParser.parseString(line);
        if (!e.isJsonObject()) {
          records.warn("line " + n + ": not a JSON object");
          continue;
        }
        records.accept(FieldRecords.toArticle(fields(e.getAsJsonObject()), source, (int) records.count(),
            "application/x-ndjson"));
      } catch (JsonParseException e) {
        records.warn("line " + n + ": not JSON (" + e.getMessage() + ")");
      }
    }
    FieldRecords.finish(records, source);
  }

  private static Map<String, String> fields(JsonObject o) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      JsonElement v = e.getValue();
      if (v.isJsonNull()) continue;
      if (v.isJsonArray()) {
        List<String> parts = new ArrayList<>();
        v.getAsJsonArray().forEach(x -> parts.add(x.isJsonPrimitive() ? x.getAsString() : x.toString()));
        out.put(e.getKey(), String.join(";", parts));
      } else {
        out.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
      }
    }
    return out;
  }
}
