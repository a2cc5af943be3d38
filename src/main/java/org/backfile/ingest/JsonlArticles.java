package org.backfile.ingest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Lines: one article object per line; arrays (authors, tags) are accepted as well as ';' lists. */
final class JsonlArticles {

  private JsonlArticles() {}

  static List<Article> read(String text, String source) throws ExtractionException {
    List<Article> articles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      try {
        JsonElement e = JsonParser.parseString(lines[i]);
        if (!e.isJsonObject()) {
          problems.add("line " + (i + 1) + ": not a JSON object");
          continue;
        }
        articles.add(FieldRecords.toArticle(fields(e.getAsJsonObject()), source, articles.size(),
            "application/x-ndjson"));
      } catch (JsonParseException e) {
        problems.add("line " + (i + 1) + ": not JSON (" + e.getMessage() + ")");
      }
    }
    return FieldRecords.finish(articles, problems, source);
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
