package org.backfile.index;

import java.nio.file.Path;

/** No index at the given folder. */
public final class MissingIndexException extends RuntimeException {

  public MissingIndexException(Path dir) {
    super("No index at " + dir + ". Import some files first: backfile import --index " + dir + " FILES...");
  }
}
