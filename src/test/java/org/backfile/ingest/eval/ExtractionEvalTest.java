package org.backfile.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's options: one system only, and warm passes for speed. */
class ExtractionEvalTest {

  @Test
  void rejectsUnknownSystemsAndPassCountsOutOfRange() {
    assertThrows(IllegalArgumentException.class,
        () -> new ExtractionEval.Options(false, null, List.of("readability"), 1));
    assertThrows(IllegalArgumentException.class,
        () -> new ExtractionEval.Options(false, null, List.of(), 0));
  }

  @Test
  void runsOnlyTheChosenSystemOverSeveralPasses(@TempDir Path dir) throws Exception {
    String body = "The council met on a wet evening to talk about the new bridge and the budget.";
    Files.writeString(dir.resolve("ground-truth.json"),
        "{\"p1\": {\"articleBody\": \"" + body + "\", \"url\": \"https://example.org/a\"}}");
    Files.createDirectories(dir.resolve("html"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
      out.write(("<html><body><article><h1>Bridge</h1><p>" + body + "</p></article></body></html>")
          .getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = ExtractionEval.run(List.of(dir), new PrintStream(buffer, true, StandardCharsets.UTF_8),
        new ExtractionEval.Options(false, null, List.of("backfile"), 3));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, code);
    assertTrue(printed.contains("backfile"), printed);
    assertFalse(printed.contains("tika-text"), printed);
    assertTrue(printed.lines().filter(l -> l.contains("backfile")).anyMatch(l -> l.contains("1.000")),
        printed);
  }
}
