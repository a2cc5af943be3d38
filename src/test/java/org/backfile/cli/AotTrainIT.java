package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT training run imports, serves and requests every kind of page without a server error. */
class AotTrainIT {

  @TempDir
  Path dir;

  @Test
  void requestsEveryKindOfPageOfTheSampleDataWithoutServerErrorsAndCleansUp() throws Exception {
    long before = trainingFolders();
    CliTest.Result r = CliTest.run("aot-train", Path.of("sample-data").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    Matcher m = Pattern.compile("aot-train: (\\d+) requests, 0 answered with a server error").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Integer.parseInt(m.group(1)) > 20, r.out()); // pages, API, articles, related and authors of five hits
    assertEquals(before, trainingFolders(), "the temporary index is deleted");
  }

  @Test
  void aMissingFolderIsAUsageError() {
    CliTest.Result r = CliTest.run("aot-train", dir.resolve("none").toString());
    assertEquals(Cli.USAGE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("is not a folder"), r.err());
  }

  private static long trainingFolders() throws Exception {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("backfile-aot-")).count();
    }
  }
}
