package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction in child JVMs, with a stand-in worker that hangs or dies on request (the real worker
 * is run by {@code ImportInProcessesIT}, through the CLI).
 */
class ProcessExtractorTest {

  @TempDir
  Path dir;

  private static List<String> java(String mainClass, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void aHangingChildIsStoppedAndADeadOneReplaced() throws Exception {
    try (ProcessExtractor extractor = new ProcessExtractor(java(HangingWorker.class.getName()), Duration.ofSeconds(5))) { // generous: a cold child under a loaded machine is slow
      ExtractionException hung = assertThrows(ExtractionException.class, () -> extractor.extract(dir.resolve("hang.txt")));
      assertEquals(ExtractionException.Reason.TIMED_OUT, hung.reason());
      assertEquals("ok.txt", extractor.extract(dir.resolve("ok.txt")).get(0).title());

      ExtractionException died = assertThrows(ExtractionException.class, () -> extractor.extract(dir.resolve("die.txt")));
      assertEquals(ExtractionException.Reason.CORRUPT, died.reason());
      assertTrue(died.getMessage().contains("exit code 3"), died.getMessage());
      assertEquals("again.txt", extractor.extract(dir.resolve("again.txt")).get(0).title());
    }
  }
}
