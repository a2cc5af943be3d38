package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tar and .gz files on disk are read as streams, within the same limits as before. */
class StreamedArchivesTest {

  @TempDir
  Path dir;

  private final FileExtractor extractor = new FileExtractor();

  private static void gzip(Path file, byte[] content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
  }

  @Test
  void aCompressedJsonLinesFileGivesEveryArticle() throws Exception {
    Path file = dir.resolve("articles.jsonl.gz");
    gzip(file, ("{\"title\": \"Tide tables\", \"body\": \"The new tables are out.\"}\n"
        + "{\"title\": \"Ferry fares\", \"body\": \"Fares rise in May.\"}\n").getBytes(StandardCharsets.UTF_8));

    List<Article> articles = extractor.extract(file);

    assertEquals(List.of("Tide tables", "Ferry fares"), articles.stream().map(Article::title).toList());
    assertEquals(FileExtractor.sourceOf(file), articles.get(0).source());
  }

  @Test
  void aTarGzGivesTheArticlesOfEachEntryUnderItsOwnName() throws Exception {
    Path file = dir.resolve("issues.tar.gz");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
      for (String name : List.of("a.jsonl", "b.jsonl")) {
        byte[] content = ("{\"title\": \"From " + name + "\", \"body\": \"Text of " + name + ".\"}\n")
            .getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry("issues/" + name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }

    List<Article> articles = extractor.extract(file);

    assertEquals(List.of("From a.jsonl", "From b.jsonl"), articles.stream().map(Article::title).toList());
    assertEquals(FileExtractor.sourceOf(file) + "!/issues/b.jsonl", articles.get(1).source());
  }

  @Test
  void aGzipThatInflatesPastTheRatioIsRefusedAsABomb() throws Exception {
    Path file = dir.resolve("zeros.txt.gz");
    gzip(file, new byte[8 << 20]); // 8 MB of zeros: about 8 KB compressed, 1000:1

    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(file));

    assertEquals(ExtractionException.Reason.TOO_LARGE, e.reason());
  }
}
