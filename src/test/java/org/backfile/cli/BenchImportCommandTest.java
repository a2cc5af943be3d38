package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchImportCommandTest {

  @TempDir
  Path dir;

  @Test
  void theSolrHarnessRunsFromAPrivateCopyWithoutItsBuildOutput() throws Exception {
    Path harness = Files.createDirectories(dir.resolve("solr"));
    Files.writeString(harness.resolve("run.sh"), "#!/bin/sh\necho ok\n");
    harness.resolve("run.sh").toFile().setExecutable(true);
    Files.createDirectories(harness.resolve("src/main/java"));
    Files.writeString(harness.resolve("src/main/java/A.java"), "class A {}");
    Files.createDirectories(harness.resolve("target/lib"));
    Files.writeString(harness.resolve("target/lib/big.jar"), "x");
    harness.resolve("run.sh").toFile().setWritable(false, false);

    // Not the real private copy in java.io.tmpdir: a fake run.sh there broke the next real Solr run.
    Path copy = BenchImportCommand.privateCopy(harness, dir.resolve("copy"));

    assertTrue(Files.isExecutable(copy.resolve("run.sh")));
    assertTrue(Files.isRegularFile(copy.resolve("src/main/java/A.java")));
    assertFalse(Files.exists(copy.resolve("target/lib/big.jar")));
    assertTrue(Files.isWritable(copy));
  }

  @Test
  void printsBothSystemsAndTheirCpuPerArticle() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("kites.txt"), "Kites Over the Harbour\n\nThe kite festival filled the harbour sky.\n");
    Files.writeString(docs.resolve("boats.txt"), "Wooden Boats\n\nA wooden boat needs varnish every spring.\n");

    CliTest.Result r = CliTest.run("bench-import", docs.toString(), "--threads", "1", "--warmup", "1");

    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Backfile import (journal)"), r.out());
    assertTrue(r.out().contains("bare Tika+Lucene loop"), r.out());
    assertTrue(r.out().matches("(?s).*process CPU: Backfile [0-9.]+ s \\([0-9.]+ ms/article\\), bare loop [0-9.]+ s.*"), r.out());
  }
}
