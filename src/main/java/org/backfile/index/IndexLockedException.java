package org.backfile.index;

import java.nio.file.Path;

/** Another process holds the index's write lock. */
public final class IndexLockedException extends RuntimeException {

  public IndexLockedException(Path dir) {
    super("The index at " + dir + " is in use by another Backfile process (a server or an import)."
        + " Stop it first, or use another --index folder.");
  }
}
