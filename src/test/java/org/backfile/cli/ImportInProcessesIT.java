package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backfile.cli.CliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --isolate processes}: the real ExtractWorker in a child JVM, through the CLI. */
class ImportInProcessesIT {

  @TempDir
  Path dir;

  @Test
  void importInChildProcessesGivesTheArticlesAndTheFailures() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Path index = dir.resolve("index");
    Files.writeString(docs.resolve("kites.txt"),
        "Kites Over the Harbour\nBy Ana Ruiz\nMay 3, 2013\n\nThe kite festival filled the harbour sky.\n");
    Files.write(docs.resolve("empty.html"), new byte[0]);

    Result r = CliTest.run("import", "--quiet", "--isolate", "processes", "--threads", "1",
        "--index", index.toString(), docs.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("Imported 1 articles from 1 files"), r.out());
    assertTrue(r.out().contains("empty.html: the file is empty (empty)"), r.out());

    Result found = CliTest.run("search", "--index", index.toString(), "--json", "--author", "Ana Ruiz");
    assertEquals(1, JsonParser.parseString(found.out()).getAsJsonObject().get("total").getAsInt());
  }
}
