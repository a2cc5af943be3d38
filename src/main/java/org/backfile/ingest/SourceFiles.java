package org.backfile.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The files an import looks at. */
final class SourceFiles {

  private static final Logger log = LoggerFactory.getLogger(SourceFiles.class);

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
      List<Path> found = new ArrayList<>();
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !isHidden(root.relativize(p)) && !ignore.ignores(root.relativize(p))) {
                found.add(p);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
              // A link back to a folder above it, or a folder that cannot be listed, is left out;
              // the rest of the tree is still imported.
              if (e instanceof FileSystemLoopException || e instanceof AccessDeniedException) {
                log.warn("skipped {}: {}", p, e instanceof FileSystemLoopException
                    ? "a link back to a folder above it (a loop)" : "permission denied");
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
      found.sort(null);
      files.addAll(found);
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
