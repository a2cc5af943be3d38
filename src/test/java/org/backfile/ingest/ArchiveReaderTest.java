package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip and tar archives through {@link FileExtractor}: entries, limits, nesting. */
class ArchiveReaderTest {

  private final FileExtractor extractor = new FileExtractor();

  @Test
  void readsEveryFileOfAZipAsItsOwnSource() throws Exception {
    Path zip = CollectionFilesTest.fixture("two-notes.zip");
    List<Article> a = extractor.extract(zip);
    String source = FileExtractor.sourceOf(zip);
    assertEquals(List.of(source + "!/notes/first.txt", source + "!/notes/second.txt"),
        a.stream().map(Article::source).toList());
    assertEquals("Canal locks reopen", a.get(0).title());
    assertEquals(List.of("Gwen Ash"), a.get(0).authors());
    assertEquals(ArticleIds.of(source + "!/notes/second.txt", 0), a.get(1).id());
  }

  @Test
  void readsATarInsideGzip() throws Exception {
    Path tgz = CollectionFilesTest.fixture("two-notes.tar.gz");
    List<Article> a = extractor.extract(tgz);
    assertEquals(2, a.size());
    assertEquals(FileExtractor.sourceOf(tgz) + "!/notes/second.txt", a.get(1).source());
    assertEquals("Bridge painting starts", a.get(1).title());
  }

  @Test
  void refusesAZipBomb(@TempDir Path dir) throws Exception {
    Path bomb = dir.resolve("bomb.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] mb = new byte[1024 * 1024];
      for (int i = 0; i < 50; i++) zip.write(mb);
      zip.closeEntry();
    }
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(bomb));
    assertEquals(ExtractionException.Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("looks like a zip bomb"), e.getMessage());
  }

  /**
   * Entries the import skips (hidden files here) are still inflated to get past them, so they
   * count against the bomb limits like entries that are read.
   */
  @Test
  void countsSkippedEntriesOfATarGzAgainstTheBombLimits(@TempDir Path dir) throws Exception {
    Path tgz = dir.resolve("hidden-bomb.tar.gz");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new GZIPOutputStream(Files.newOutputStream(tgz)))) {
      byte[] zeros = new byte[50 * 1024 * 1024];
      TarArchiveEntry hidden = new TarArchiveEntry(".cache/zeros.txt");
      hidden.setSize(zeros.length);
      tar.putArchiveEntry(hidden);
      tar.write(zeros);
      tar.closeArchiveEntry();
      byte[] note = "Harbour note\n\nThe ferry runs again from Monday.\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry visible = new TarArchiveEntry("note.txt");
      visible.setSize(note.length);
      tar.putArchiveEntry(visible);
      tar.write(note);
      tar.closeArchiveEntry();
    }
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(tgz));
    assertEquals(ExtractionException.Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("looks like a zip bomb"), e.getMessage());
  }

  @Test
  void countsSkippedBytesOfAnInflatingStream() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(new byte[20 * 1024 * 1024]);
    }
    try (java.io.InputStream in = ArchiveReader.bounded(new java.util.zip.GZIPInputStream(
        new java.io.ByteArrayInputStream(gz.toByteArray())), gz.size(), Long.MAX_VALUE, "zeros.gz")) {
      ArchiveReader.Inflation.TooMuch e = assertThrows(ArchiveReader.Inflation.TooMuch.class,
          () -> in.skip(Long.MAX_VALUE));
      assertTrue(e.getMessage().contains("looks like a zip bomb"), e.getMessage());
    }
  }

  @Test
  void opensNestedArchivesOnlyThreeDeep() throws Exception {
    byte[] inner = zipOf("note.txt", "Deep note\n\nA note at the bottom of the nesting.\n".getBytes());
    byte[] two = zipOf("one.zip", inner);
    byte[] three = zipOf("two.zip", two);
    assertEquals("arch.zip!/two.zip!/one.zip!/note.txt",
        extractor.extract(three, "arch.zip", "arch.zip").get(0).source());
    byte[] four = zipOf("three.zip", three);
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> extractor.extract(four, "arch.zip", "arch.zip"));
    assertTrue(e.getMessage().contains("no readable file"), e.getMessage());
  }

  private static byte[] zipOf(String name, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

}
