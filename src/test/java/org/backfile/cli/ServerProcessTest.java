package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

  @Test
  void theServerChildGetsThisJvmsStartupCacheUnlessGivenItsOwn() {
    assertEquals(List.of(), ServerProcess.startupCache(List.of("-Xmx512m", "-XX:AOTCache=/tmp/other.aot")));
    assertEquals(List.of(), ServerProcess.startupCache(List.of("-XX:AOTMode=off")));
    List<String> inherited = ServerProcess.startupCache(List.of("-Xmx512m"));
    List<String> mine = ManagementFactory.getRuntimeMXBean().getInputArguments();
    assertTrue(mine.containsAll(inherited), inherited.toString());
    assertTrue(inherited.stream().allMatch(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-Xlog:")), inherited.toString());
  }
}
