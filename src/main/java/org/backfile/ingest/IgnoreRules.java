package org.backfile.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Files an import folder asks to leave out, in a {@code .backfileignore} at its top: one glob per
 * line, relative to that folder ({@code README.md}, {@code drafts/**}); {@code #} starts a comment.
 */
final class IgnoreRules {

  static final String FILE_NAME = ".backfileignore";

  private final List<PathMatcher> matchers;

  private IgnoreRules(List<PathMatcher> matchers) {
    this.matchers = List.copyOf(matchers);
  }

  static IgnoreRules read(Path folder) throws IOException {
    Path file = folder.resolve(FILE_NAME);
    List<PathMatcher> matchers = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file)) {
        String glob = line.strip();
        if (glob.isEmpty() || glob.startsWith("#")) continue;
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      }
    }
    return new IgnoreRules(matchers);
  }

  boolean ignores(Path relative) {
    for (PathMatcher m : matchers) {
      if (m.matches(relative)) return true;
    }
    return false;
  }
}
