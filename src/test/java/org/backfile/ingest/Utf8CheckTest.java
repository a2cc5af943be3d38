package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link HtmlCharset#isWellFormed} (one lenient decode, then counting U+FFFD) must agree with a
 * strict UTF-8 decoder on every input, including the malformed shapes that matter.
 */
class Utf8CheckTest {

  /** Pieces of UTF-8, good and bad, including a real U+FFFD (EF BF BD) next to broken bytes. */
  private static final List<byte[]> PIECES = List.of(
      bytes(0x41), bytes(0x20), bytes(0xC3, 0xA9), bytes(0xE2, 0x80, 0x9C),
      bytes(0xF0, 0x9F, 0x98, 0x80), bytes(0xEF, 0xBF, 0xBD), bytes(0xEF, 0xBF), bytes(0xEF),
      bytes(0xBF), bytes(0xBD), bytes(0x80), bytes(0xC3), bytes(0xE2, 0x80), bytes(0xC0, 0xAF),
      bytes(0xC1, 0xBF), bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5),
      bytes(0xFF), bytes(0xE0, 0x80, 0x80), bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF0, 0x9F));

  @Property(tries = 3000)
  void agreesWithAStrictDecoder(@ForAll("utf8ish") byte[] input) {
    String lenient = new String(input, StandardCharsets.UTF_8);
    assertEquals(strictlyValid(input), HtmlCharset.isWellFormed(input, lenient));
  }

  @Provide
  Arbitrary<byte[]> utf8ish() {
    return Arbitraries.of(PIECES).list().ofMaxSize(12).map(list -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.forEach(out::writeBytes);
      return out.toByteArray();
    });
  }

  private static boolean strictlyValid(byte[] input) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
