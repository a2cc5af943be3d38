package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @TempDir
  Path dir;

  @Test
  void withoutTokenFileOrEnvironmentTheServerIsReadOnly() throws Exception {
    assertNull(ServeCommand.token(null, Map.of()));
    assertNull(ServeCommand.token(null, Map.of(ServeCommand.TOKEN_ENV, "  ")));
  }

  @Test
  void theTokenFileWinsOverTheEnvironment() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "from-the-file-0123456789\n");
    assertEquals("from-the-file-0123456789",
        ServeCommand.token(file, Map.of(ServeCommand.TOKEN_ENV, "from-the-environment-0123")));
    assertEquals("from-the-environment-0123",
        ServeCommand.token(null, Map.of(ServeCommand.TOKEN_ENV, "from-the-environment-0123")));
  }

  @Test
  void rejectsAShortOrEmptyToken() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "\n");
    assertThrows(IllegalArgumentException.class, () -> ServeCommand.token(file, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ServeCommand.token(null, Map.of(ServeCommand.TOKEN_ENV, "short")));
  }
}
