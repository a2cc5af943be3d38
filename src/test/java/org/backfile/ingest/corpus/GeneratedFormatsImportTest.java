package org.backfile.ingest.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backfile.ingest.Article;
import org.backfile.ingest.ExtractionException;
import org.backfile.ingest.FileExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format the generator writes is read back by import with its title, byline, date and body. */
class GeneratedFormatsImportTest {

  @TempDir
  Path tmp;

  @Test
  void importReadsBackWhatEachFormatSays() throws IOException, ExtractionException {
    SourcePool pool = SourcePool.read(CorpusGeneratorTest.tinySources(), 50, 5);
    ArticleComposer composer = new ArticleComposer(pool, 5, Formats.JSONL);
    FileExtractor extractor = new FileExtractor();
    int checked = 0;
    for (int i = 0; i < 40; i++) {
      GeneratedArticle a = composer.compose(i);
      if (a.authors().size() != 1 || a.published() == null || !a.precision().equals("day")) continue;
      for (String kind : List.of("jsonl", "html", "eml")) {
        String text = switch (kind) {
          case "jsonl" -> ArticleWriters.jsonl(a);
          case "html" -> ArticleWriters.html(a);
          default -> ArticleWriters.eml(a);
        };
        Path file = Files.writeString(tmp.resolve(i + "." + kind), text);
        List<Article> read = extractor.extract(file);
        assertEquals(1, read.size(), kind);
        Article got = read.get(0);
        assertEquals(a.title(), got.title(), kind);
        assertEquals(a.authors(), got.authors(), kind);
        assertEquals(a.published().toString(), got.published().toString(), kind + " " + a.title());
        String body = got.body().replaceAll("\\s+", " ");
        assertTrue(body.contains(a.paragraphs().get(a.paragraphs().size() - 1)), kind + ": " + body);
      }
      checked++;
    }
    assertTrue(checked >= 10, "checked " + checked);
  }
}
