package org.backfile.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SearchEvalTest {

  @Test
  void scoresBothSystemsAndPrintsJsonLast() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = SearchEval.run(SmartCollectionTest.fixture(), new PrintStream(buffer, true, StandardCharsets.UTF_8), true);
    assertEquals(0, code);
    String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
    JsonObject json = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    for (String system : new String[] {"backfile", "baseline"}) {
      double map = json.getAsJsonObject(system).get("map").getAsDouble();
      assertTrue(map > 0.5 && map <= 1.0, system + " MAP " + map);
    }
  }

  @Test
  void reportsAFolderWithoutACollection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    assertEquals(2, SearchEval.run(empty, new PrintStream(buffer, true, StandardCharsets.UTF_8), false));
  }
}
