package org.backfile.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the hand-written pages under {@code fixtures/html/} from the classpath. */
final class Fixtures {

  private Fixtures() {}

  static byte[] html(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/html/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture named " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
