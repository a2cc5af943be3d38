package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The byte scan that decides whether a page may be an issue page (see {@link IssueSplittingTest}). */
class HtmlIssueSplitterTest {

  @Property(tries = 2000)
  void countsTagOpeningsInAnyAsciiCase(@ForAll("pageBytes") byte[] page) {
    assertEquals(Math.min(2, referenceCount(page)), HtmlIssueSplitter.count(page, "<article"));
  }

  @Provide
  Arbitrary<byte[]> pageBytes() {
    List<byte[]> pieces = List.of("<article".getBytes(StandardCharsets.ISO_8859_1),
        "<ARTICLE".getBytes(StandardCharsets.ISO_8859_1), "<ArTiClE".getBytes(StandardCharsets.ISO_8859_1),
        "<articl".getBytes(StandardCharsets.ISO_8859_1), "<".getBytes(StandardCharsets.ISO_8859_1),
        "article".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xC1}, new byte[] {(byte) 0xE1},
        new byte[] {(byte) 0xDE}, "x".getBytes(StandardCharsets.ISO_8859_1));
    return Arbitraries.of(pieces).list().ofMaxSize(10).map(list -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      list.forEach(out::writeBytes);
      return out.toByteArray();
    });
  }

  /** Occurrences counted on the bytes read as Latin-1 characters and lower-cased one by one. */
  private static int referenceCount(byte[] page) {
    String text = new String(page, StandardCharsets.ISO_8859_1);
    StringBuilder lower = new StringBuilder();
    for (int i = 0; i < text.length(); i++) lower.append(Character.toLowerCase(text.charAt(i)));
    int n = 0;
    for (int at = lower.indexOf("<article"); at >= 0; at = lower.indexOf("<article", at + 1)) n++;
    return n;
  }
}
