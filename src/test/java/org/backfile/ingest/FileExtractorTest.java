package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExtractorTest {

  private final FileExtractor extractor = new FileExtractor();

  @TempDir
  Path dir;

  @Test
  void plainTextTakesAShortFirstLineAsTitleAndAByLineAsAuthor() throws Exception {
    Path file = write("note.txt", "Tides of the Estuary\nBy Ana Ruiz\n\nThe tide came in fast that morning."
        + "\n\nBy noon the flats were water again.\n");
    Article a = single(file);
    assertEquals("Tides of the Estuary", a.title());
    assertEquals(List.of("Ana Ruiz"), a.authors());
    assertEquals("The tide came in fast that morning.\n\nBy noon the flats were water again.", a.body());
    assertEquals("text/plain", a.contentType());
  }

  @Test
  void emailTakesSubjectFromNameAndDate() throws Exception {
    Path file = write("letter.eml", """
        From: Ana Ruiz <ana@example.org>
        To: club@example.org
        Subject: Spring count results
        Date: Tue, 03 Apr 2012 09:15:00 +0000
        Content-Type: text/plain; charset=utf-8

        Forty-one species were seen on Saturday, two more than last year.
        """);
    Article a = single(file);
    assertEquals("Spring count results", a.title());
    assertEquals(List.of("Ana Ruiz"), a.authors());
    assertEquals(PartialDate.parse("2012-04-03"), a.published());
    assertTrue(a.body().contains("Forty-one species"), a.body());
  }

  @Test
  void gzipFilesAreReadAsTheirContent() throws Exception {
    Path file = dir.resolve("note.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("Gzipped Title\n\nInside the archive there is a sentence.\n".getBytes(StandardCharsets.UTF_8));
    }
    Article a = single(file);
    assertEquals("Gzipped Title", a.title());
    assertEquals("Inside the archive there is a sentence.", a.body());
  }

  @Test
  void idsAreStableForTheSameSource() throws Exception {
    Path file = write("a.txt", "Same\n\nSame text here for the id.\n");
    assertEquals(single(file).id(), single(file).id());
    assertEquals(ArticleIds.of(FileExtractor.sourceOf(file), 0), single(file).id());
  }

  @Test
  void emptyFileIsReportedAsEmpty() throws Exception {
    Path file = write("empty.html", "");
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(file));
    assertEquals(ExtractionException.Reason.EMPTY, e.reason());
  }

  @Test
  void corruptPdfIsReportedAsCorrupt() throws Exception {
    Path file = dir.resolve("broken.pdf");
    Files.write(file, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf".getBytes(StandardCharsets.US_ASCII));
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(file));
    assertEquals(ExtractionException.Reason.CORRUPT, e.reason());
  }

  @Test
  void truncatedGzipIsReportedAsCorrupt() throws Exception {
    Path file = dir.resolve("cut.html.gz");
    var bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write("<html><body><p>some text that will be cut</p></body></html>".repeat(50).getBytes(StandardCharsets.UTF_8));
    }
    byte[] full = bytes.toByteArray();
    Files.write(file, java.util.Arrays.copyOf(full, full.length / 2));
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(file));
    assertEquals(ExtractionException.Reason.CORRUPT, e.reason());
  }

  @Test
  void filesOverTheSizeLimitAreRefusedBeforeReading() throws Exception {
    Path file = write("big.txt", "x".repeat(2048));
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> new FileExtractor(1024, 1000).extract(file));
    assertEquals(ExtractionException.Reason.TOO_LARGE, e.reason());
  }

  @Test
  void missingFileIsUnreadable() {
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(dir.resolve("nope.txt")));
    assertEquals(ExtractionException.Reason.UNREADABLE, e.reason());
  }

  @Test
  void summaryIsTheLeadSentences() throws Exception {
    Article a = single(write("s.txt", "Title Here\n\nFirst sentence is short. Second one follows it. Third is left out.\n"));
    assertEquals("First sentence is short. Second one follows it.", a.summary());
    assertFalse(a.summary().contains("Third"));
  }

  private Article single(Path file) throws ExtractionException {
    List<Article> articles = extractor.extract(file);
    assertEquals(1, articles.size());
    return articles.get(0);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
