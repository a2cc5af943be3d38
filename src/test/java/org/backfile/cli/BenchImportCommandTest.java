package org.backfile.cli;

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

    Path copy = BenchImportCommand.privateCopy(harness);

    assertTrue(Files.isExecutable(copy.resolve("run.sh")));
    assertTrue(Files.isRegularFile(copy.resolve("src/main/java/A.java")));
    assertFalse(Files.exists(copy.resolve("target/lib/big.jar")));
    assertTrue(Files.isWritable(copy));
  }
}
