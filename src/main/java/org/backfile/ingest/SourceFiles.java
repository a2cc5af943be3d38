package org.backfile.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files an import looks at. */
final class SourceFiles {

  private SourceFiles() {}

  /**
   * Lists the files under the given paths, sorted, skipping hidden files and folders and what a
   * folder's {@code .backfileignore} names.
   */
  static List<Path> list(List<Path> roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or folder");
      }
      if (Files.isRegularFile(root)) {
        files.add(root);
        continue;
      }
      IgnoreRules ignore = IgnoreRules.read(root);
      try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !isHidden(root.relativize(p)) && !ignore.ignores(root.relativize(p)))
            .sorted()
            .forEach(files::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return files;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }
}
