package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.StoredFields;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.FileExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hostile files (corrupt, truncated, encrypted, bombs, a 200 MB page, loops, odd names,
 * six charsets), imported by a child JVM with a 256 MB heap. Every file must come out either
 * imported with the right text or in the report with a sensible reason, and the import must end.
 */
class HostileFilesIT {

  private static final String LATIN = "café naïve façade";
  private static final String JAPANESE = "東京の古い新聞記事を保存する図書館";
  private static final String RUSSIAN = "Архив старых газет хранит статьи";
  private static final Set<String> FAILURE_REASONS =
      Set.of("corrupt", "encrypted", "unsupported", "too-large", "empty", "unreadable", "timed-out");

  @TempDir
  Path dir;

  /** What a file may become: imported with this text in it, or failed for one of these reasons. */
  private record Expect(String text, Set<String> reasons) {
    static Expect imported(String text) {
      return new Expect(text, Set.of());
    }

    static Expect failed(String... reasons) {
      return new Expect(null, Set.of(reasons));
    }

    static Expect either(String... reasons) {
      return new Expect("", Set.of(reasons));
    }
  }

  @Test
  void everyHostileFileIsImportedOrReportedWithAReason() throws Exception {
    Path src = Files.createDirectories(dir.resolve("hostile"));
    Map<Path, Expect> expected = new LinkedHashMap<>();
    Random random = new Random(20261126);
    boolean root = writeHostileFiles(src, expected, random);

    Path index = dir.resolve("index");
    Path report = dir.resolve("report.jsonl");
    long started = System.nanoTime();
    ChildJvm child = ChildJvm.start("256m", "import", "--quiet", "--index", index.toString(),
        "--report", report.toString(), src.toString());
    int code = child.finish(180);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("hostile import took %.1f s (root: %s)%n%s", seconds, root, child.output());
    assertEquals(1, code, child.output());
    assertFalse(child.output().contains("OutOfMemoryError"), child.output());

    Map<String, JsonObject> failures = new HashMap<>();
    for (String line : Files.readAllLines(report)) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      failures.put(o.get("source").getAsString(), o);
    }
    Map<String, String> texts = new HashMap<>();
    try (ArchiveIndex archive = ArchiveIndex.openReadOnly(index)) {
      archive.withSearcher(s -> {
        StoredFields stored = s.getIndexReader().storedFields();
        for (int i = 0; i < s.getIndexReader().maxDoc(); i++) {
          var doc = stored.document(i);
          texts.merge(doc.get(ArticleSchema.SOURCE),
              doc.get(ArticleSchema.TITLE) + "\n" + doc.get(ArticleSchema.BODY), (a, b) -> a + "\n" + b);
        }
        return null;
      });
    }

    for (Map.Entry<Path, Expect> e : expected.entrySet()) {
      String source = FileExtractor.sourceOf(e.getKey());
      String text = texts.get(source);
      JsonObject failure = failures.get(source);
      Expect want = e.getValue();
      String what = e.getKey().getFileName() + ": text=" + (text == null ? null : abbreviate(text))
          + " failure=" + failure;
      assertTrue(text == null || failure == null, "both imported and failed: " + what);
      if (text != null) {
        assertTrue(want.text() != null, "imported, expected a failure: " + what);
        assertTrue(text.contains(want.text()), "wrong text: " + what);
      } else {
        assertTrue(failure != null, "neither imported nor reported: " + what);
        String reason = failure.get("reason").getAsString();
        assertTrue(FAILURE_REASONS.contains(reason), what);
        assertTrue(want.reasons().contains(reason), "unexpected reason: " + what);
        assertFalse(failure.get("message").getAsString().contains("\tat "), "a stack trace: " + what);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** Writes the files; returns whether the test runs as root (who can read a chmod 000 file). */
  private static boolean writeHostileFiles(Path src, Map<Path, Expect> expected, Random random) throws Exception {
    Path samples = Path.of("sample-data");
    byte[] pdf = Files.readAllBytes(samples.resolve("pdf/notes-on-dough-hydration.pdf"));
    byte[] docx = Files.readAllBytes(samples.resolve("docx/when-the-swarm-leaves.docx"));
    byte[] zip = zipOf(Map.of("one.txt", "The first harbour story.", "two.txt", "The second harbour story.",
        "three.txt", "The third harbour story."));

    expected.put(write(src.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 2)),
        Expect.either("corrupt", "empty"));
    expected.put(write(src.resolve("flipped.pdf"), flip(pdf, random)), Expect.either("corrupt", "empty"));
    expected.put(write(src.resolve("truncated.docx"), Arrays.copyOf(docx, docx.length / 2)),
        Expect.either("corrupt", "empty", "unsupported"));
    expected.put(write(src.resolve("flipped.docx"), flip(docx, random)),
        Expect.either("corrupt", "empty", "unsupported"));
    expected.put(write(src.resolve("truncated.zip"), Arrays.copyOf(zip, zip.length / 2)),
        Expect.either("corrupt", "empty"));
    expected.put(write(src.resolve("encrypted.pdf"), encryptedPdf()), Expect.failed("encrypted"));
    expected.put(zipBomb(src.resolve("bomb.zip")), Expect.failed("too-large"));
    expected.put(write(src.resolve("nested.zip"), nested(6)), Expect.failed("empty", "unsupported"));
    expected.put(hugePage(src.resolve("huge.html")), Expect.failed("too-large"));
    byte[] noise = new byte[64 * 1024];
    random.nextBytes(noise);
    expected.put(write(src.resolve("binary.html"), noise), Expect.either("corrupt", "empty", "unsupported"));
    expected.put(write(src.resolve("empty.txt"), new byte[0]), Expect.failed("empty"));
    expected.put(write(src.resolve("empty.pdf"), new byte[0]), Expect.failed("empty"));
    expected.put(write(src.resolve("empty.html"), new byte[0]), Expect.failed("empty"));

    Path loop = Files.createDirectories(src.resolve("loop"));
    Files.createSymbolicLink(loop.resolve("again"), loop);
    expected.put(write(loop.resolve("inside.txt"), "A story inside the looping folder.".getBytes(StandardCharsets.UTF_8)),
        Expect.imported("inside the looping folder"));

    Path locked = write(src.resolve("unreadable.txt"), "A story nobody may read.".getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    boolean root = Files.isReadable(locked); // root reads it anyway
    expected.put(locked, root ? Expect.imported("nobody may read") : Expect.failed("unreadable"));

    for (String name : List.of("with spaces in it.txt", "new\nline.txt", "café-ñ-日本語.txt")) {
      expected.put(write(src.resolve(name), ("The story called " + name + ".").getBytes(StandardCharsets.UTF_8)),
          Expect.imported(name));
    }

    String latinPage = page("windows-1252", LATIN);
    expected.put(write(src.resolve("utf-8.html"), page("utf-8", LATIN).getBytes(StandardCharsets.UTF_8)),
        Expect.imported(LATIN));
    expected.put(write(src.resolve("utf-16.html"), page("utf-16", LATIN).getBytes(StandardCharsets.UTF_16)),
        Expect.imported(LATIN));
    expected.put(write(src.resolve("windows-1252.html"), latinPage.getBytes(Charset.forName("windows-1252"))),
        Expect.imported(LATIN));
    expected.put(write(src.resolve("iso-8859-1.html"),
        page("iso-8859-1", LATIN).getBytes(StandardCharsets.ISO_8859_1)), Expect.imported(LATIN));
    expected.put(write(src.resolve("shift_jis.html"), page("shift_jis", JAPANESE).getBytes(Charset.forName("Shift_JIS"))),
        Expect.imported(JAPANESE));
    expected.put(write(src.resolve("koi8-r.html"), page("koi8-r", RUSSIAN).getBytes(Charset.forName("KOI8-R"))),
        Expect.imported(RUSSIAN));
    expected.put(write(src.resolve("utf-16-bom.txt"), text(LATIN).getBytes(StandardCharsets.UTF_16)),
        Expect.imported(LATIN));
    expected.put(write(src.resolve("shift_jis.txt"), text(JAPANESE).getBytes(Charset.forName("Shift_JIS"))),
        Expect.imported(JAPANESE));
    expected.put(write(src.resolve("koi8-r.txt"), text(RUSSIAN).getBytes(Charset.forName("KOI8-R"))),
        Expect.imported(RUSSIAN));
    expected.put(write(src.resolve("windows-1252.txt"), text(LATIN).getBytes(Charset.forName("windows-1252"))),
        Expect.imported(LATIN));
    return root;
  }

  private static String page(String charset, String phrase) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"" + charset + "\"><title>" + phrase + "</title></head>"
        + "<body><article><h1>" + phrase + "</h1>" + ("<p>" + text(phrase) + "</p>\n").repeat(3)
        + "</article></body></html>\n";
  }

  private static String text(String phrase) {
    return (phrase + ". " + phrase + "; " + phrase + "!\n").repeat(4);
  }

  private static Path write(Path file, byte[] content) throws IOException {
    return Files.write(file, content);
  }

  /** A copy with a few hundred bytes overwritten at random in the middle half. */
  private static byte[] flip(byte[] content, Random random) {
    byte[] copy = content.clone();
    for (int i = 0; i < 400; i++) {
      copy[content.length / 4 + random.nextInt(content.length / 2)] ^= (byte) (1 + random.nextInt(255));
    }
    return copy;
  }

  private static byte[] zipOf(Map<String, String> entries) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Zip in zip in zip…, {@code levels} deep, with one story at the bottom. */
  private static byte[] nested(int levels) throws IOException {
    byte[] inner = zipOf(Map.of("story.txt", "The story at the bottom of the nest."));
    for (int i = 1; i < levels; i++) {
      var bytes = new java.io.ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry("level-" + i + ".zip"));
        zip.write(inner);
        zip.closeEntry();
      }
      inner = bytes.toByteArray();
    }
    return inner;
  }

  /** 200 MB of zeros, deflated to about 200 KB. */
  private static Path zipBomb(Path file) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) zip.write(zeros);
      zip.closeEntry();
    }
    return file;
  }

  /** A 200 MB web page, written as it goes. */
  private static Path hugePage(Path file) throws IOException {
    String paragraph = "<p>" + "The endless page repeats itself once more. ".repeat(20) + "</p>\n";
    long target = 200L * 1024 * 1024;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Endless</title></head><body>\n");
      for (long n = 0; n < target; n += paragraph.length()) w.write(paragraph);
      w.write("</body></html>\n");
    }
    return file;
  }

  private static byte[] encryptedPdf() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText("A secret story about the harbour.");
        text.endText();
      }
      doc.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
      var bytes = new java.io.ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }
}
