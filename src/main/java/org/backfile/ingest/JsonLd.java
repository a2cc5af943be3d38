package org.backfile.ingest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects of a page's {@code <script type="application/ld+json">} blocks: plain
 * objects, arrays and {@code @graph} lists, with {@code @id} references resolved. Broken blocks
 * are skipped; one bad block does not hide the others.
 */
final class JsonLd {

  private final List<JsonObject> objects;
  private final Map<String, JsonObject> byId;

  private JsonLd(List<JsonObject> objects) {
    this.objects = objects;
    this.byId = new HashMap<>();
    for (JsonObject o : objects) {
      String id = string(o.get("@id"));
      if (id != null && !byId.containsKey(id)) {
        byId.put(id, o);
      }
    }
  }

  static JsonLd of(Document doc) {
    List<JsonObject> objects = new ArrayList<>();
    for (Element script : doc.select(Css.of("script"))) {
      String json = script.data().strip();
      if (json.startsWith("<!--")) {
        json = json.replaceFirst("^<!--", "").replaceFirst("-->\\s*$", "");
      }
      if (!isJsonLd(script, json)) {
        continue;
      }
      try {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.LENIENT);
        collect(JsonParser.parseReader(reader), objects, 0);
      } catch (JsonParseException | IllegalStateException | StackOverflowError e) {
        // Broken JSON-LD is common; the page's other signals still count.
      }
    }
    return new JsonLd(objects);
  }

  /**
   * A {@code type="application/ld+json"} block, or a script without a type (or a JSON type)
   * that is nothing but a schema.org object: some templates leave the type out.
   */
  static boolean isJsonLd(Element script, String data) {
    String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
    if (type.contains("ld+json")) {
      return true;
    }
    if (!type.isEmpty() && !type.equals("application/json") && !type.equals("text/json")) {
      return false;
    }
    return (data.startsWith("{") || data.startsWith("["))
        && (data.endsWith("}") || data.endsWith("]"))
        && data.contains("\"@context\"") && data.contains("schema.org");
  }

  private static void collect(JsonElement e, List<JsonObject> out, int depth) {
    if (e == null || depth > 6) {
      return;
    }
    if (e.isJsonArray()) {
      for (JsonElement item : e.getAsJsonArray()) {
        collect(item, out, depth + 1);
      }
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      out.add(o);
      collect(o.get("@graph"), out, depth + 1);
      JsonElement main = o.get("mainEntity");
      if (main != null && main.isJsonObject()) {
        collect(main, out, depth + 1);
      }
    }
  }

  /** The article object: the first whose type names an article, a posting or a report. */
  Optional<JsonObject> article() {
    for (JsonObject o : objects) {
      for (String type : types(o)) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.endsWith("article") || t.endsWith("posting") || t.equals("report")
            || t.equals("review") || t.equals("newsarticle")) {
          return Optional.of(o);
        }
      }
    }
    return Optional.empty();
  }

  /** Every datePublished/dateModified/dateCreated/uploadDate string, in document order. */
  List<String> dates() {
    List<String> out = new ArrayList<>();
    for (JsonObject o : objects) {
      for (String f : new String[] {"datePublished", "dateModified", "dateCreated", "uploadDate"}) {
        String s = string(o.get(f));
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The first object of one of the given types (WebPage, Organization …). */
  Optional<JsonObject> ofType(String... wanted) {
    for (JsonObject o : objects) {
      for (String type : types(o)) {
        for (String w : wanted) {
          if (type.equalsIgnoreCase(w)) {
            return Optional.of(o);
          }
        }
      }
    }
    return Optional.empty();
  }

  static List<String> types(JsonObject o) {
    List<String> types = new ArrayList<>();
    JsonElement t = o.get("@type");
    if (t == null) {
      return types;
    }
    if (t.isJsonArray()) {
      for (JsonElement e : t.getAsJsonArray()) {
        String s = string(e);
        if (s != null) {
          types.add(strip(s));
        }
      }
    } else if (string(t) != null) {
      types.add(strip(string(t)));
    }
    return types;
  }

  private static String strip(String type) {
    int slash = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
    return slash >= 0 ? type.substring(slash + 1) : type;
  }

  /** A string field, or the name/text of an object field. */
  String text(JsonObject o, String field) {
    return textOf(resolve(o.get(field)));
  }

  /** Whether a field holds (a reference to) an object typed Person. */
  boolean isPerson(JsonObject o, String field) {
    JsonElement e = resolve(o.get(field));
    if (e != null && e.isJsonArray() && !e.getAsJsonArray().isEmpty()) {
      e = resolve(e.getAsJsonArray().get(0));
    }
    return e != null && e.isJsonObject() && types(e.getAsJsonObject()).contains("Person");
  }

  /** Names in a field that may be a string, an object with a name, or an array of either. */
  List<String> names(JsonObject o, String field) {
    List<String> names = new ArrayList<>();
    JsonElement e = o.get(field);
    if (e == null) {
      return names;
    }
    if (e.isJsonArray()) {
      for (JsonElement item : e.getAsJsonArray()) {
        String s = textOf(resolve(item));
        if (s != null) {
          names.add(s);
        }
      }
    } else {
      String s = textOf(resolve(e));
      if (s != null) {
        names.add(s);
      }
    }
    return names;
  }

  private JsonElement resolve(JsonElement e) {
    if (e != null && e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      String id = string(o.get("@id"));
      if (id != null && o.size() == 1 && byId.containsKey(id)) {
        return byId.get(id);
      }
    }
    return e;
  }

  private static String textOf(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonPrimitive()) {
      return blankToNull(e.getAsString());
    }
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      return a.isEmpty() ? null : textOf(a.get(0));
    }
    JsonObject o = e.getAsJsonObject();
    for (String key : new String[] {"name", "@value", "text", "headline", "url", "@id"}) {
      String s = string(o.get(key));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static String string(JsonElement e) {
    if (e instanceof JsonPrimitive p) {
      return blankToNull(p.getAsString());
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
