package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSONL file larger than the importing JVM's whole heap imports completely: the file is streamed
 * line by line and written in bounded batches, never held whole (holding it, as the import once did,
 * needs several times its size and fails the file with "ran out of memory").
 */
class LargeCollectionIT {

  private static final int ARTICLES = 5_000;
  /**
   * Bytes per line in a field the import ignores: the file is 120 MB, well over the child's heap,
   * while its 5,000 short articles keep the test quick to index.
   */
  private static final int IGNORED_BYTES = 24_000;

  private static final String[] WORDS = ("harbour tide ferry council vote budget school road bridge storm river "
      + "market fish farm festival library museum rail station mayor police court fire season coast village "
      + "winter summer report plan water power night morning week year quay master ship cargo crane dock "
      + "pilot lighthouse beacon channel dredge pier warehouse customs tariff grain timber coal salt wool").split(" ");

  @TempDir
  Path dir;

  @Test
  void aJsonlFileLargerThanTheHeapImportsEveryArticle() throws Exception {
    Path file = dir.resolve("docs").resolve("archive.jsonl");
    Files.createDirectories(file.getParent());
    String padding = "x".repeat(IGNORED_BYTES);
    Random random = new Random(7);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ARTICLES; i++) {
        // Bodies of random words: unlike near-identical bodies, they are not all one duplicate group.
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 60; w++) body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 10 == 9 ? ". " : " ");
        out.write("{\"title\": \"Harbour report " + i + "\", \"published\": \"1998-03-" + String.format("%02d", 1 + i % 28)
            + "\", \"body\": \"" + body.toString().strip() + "\", \"scan_notes\": \"" + padding + "\"}\n");
      }
    }
    assertTrue(Files.size(file) > 100L << 20, "the file must be larger than the child's heap");
    Path index = dir.resolve("index");

    ChildJvm child = ChildJvm.start("96m", "import", "--quiet", "--threads", "2", "--index", index.toString(),
        file.toString());
    int exit = child.finish(600);

    assertEquals(0, exit, child.output());
    assertTrue(child.output().contains("Imported " + ARTICLES + " articles from 1 files"), child.output());
  }
}
