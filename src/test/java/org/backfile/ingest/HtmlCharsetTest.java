package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlCharsetTest {

  @Test
  void readsDeclaredLatin1AsWindows1252() {
    byte[] page = Fixtures.html("latin1.html");
    assertEquals(Charset.forName("windows-1252"), HtmlCharset.detect(page));
    assertTrue(HtmlCharset.decode(page).contains("crème brûlée"));
  }

  @Test
  void followsTheUtf16ByteOrderMark() {
    byte[] page = Fixtures.html("utf16.html");
    assertEquals(StandardCharsets.UTF_16LE, HtmlCharset.detect(page));
    assertTrue(HtmlCharset.decode(page).startsWith("<html>"));
  }

  @Test
  void windows1252WithoutDeclarationIsDetected() {
    byte[] page = ("<html><body><p>Na\u00efve caf\u00e9 \u201cquotes\u201d and more text to look at, "
        + "for the detector to have something to go on.</p></body></html>")
        .getBytes(Charset.forName("windows-1252"));
    String text = HtmlCharset.decode(page);
    assertTrue(text.contains("caf\u00e9"), text);
    assertTrue(text.contains("\u201cquotes\u201d"), text);
  }

  @Test
  void prefersValidUtf8OverADeclaredSingleByteCharset() {
    byte[] page = "<meta charset=\"iso-8859-1\"><p>Grüße aus Köln</p>".getBytes(StandardCharsets.UTF_8);
    assertEquals(StandardCharsets.UTF_8, HtmlCharset.detect(page));
  }

  @Test
  void declaredUtf8WithOneStrayLatin1ByteStaysUtf8() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(("<meta charset=\"UTF-8\"><title>M\u00e4scot das Schaf</title><p>"
        + "Gr\u00fc\u00dfe aus K\u00f6ln, sch\u00f6ne T\u00fcren und Gew\u00e4sser. ".repeat(3))
        .getBytes(StandardCharsets.UTF_8));
    out.write("<script>/* M\u00e4scot */</script>".getBytes(StandardCharsets.ISO_8859_1));
    byte[] page = out.toByteArray();
    assertEquals(StandardCharsets.UTF_8, HtmlCharset.detect(page));
    assertTrue(HtmlCharset.decode(page).contains("M\u00e4scot das Schaf"));
  }

  @Test
  void declaredUtf8ThatIsMostlyLatin1IsGuessed() {
    byte[] page = ("<meta charset=\"UTF-8\"><p>" + "Gr\u00fc\u00dfe aus K\u00f6ln. ".repeat(5) + "</p>")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(HtmlCharset.decode(page).contains("Gr\u00fc\u00dfe aus K\u00f6ln"));
  }

  @Test
  void readsTheCharsetFromHttpEquiv() {
    byte[] page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\u00cf\u00f0\u00e8</p>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(Charset.forName("windows-1251"), HtmlCharset.detect(page));
  }
}
