package org.backfile.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.FileExtractor;
import org.backfile.ingest.ImportJournal;
import org.backfile.ingest.ImportSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSONL file of several batches imported into the real index by one thread and by three (which
 * write its batches concurrently): the same articles, the same duplicate groups.
 */
class BatchedImportIndexTest {

  private static final int ARTICLES = 1_300; // five full batches and a partial one
  private static final String[] WORDS = ("harbour tide ferry council vote budget school road bridge storm "
      + "river market fish farm festival library museum rail station mayor police court fire season "
      + "coast village winter summer report plan water power night morning week year").split(" ");

  @TempDir
  Path dir;

  /** Articles with bodies of random words; every 97th is an exact copy of the first. */
  private Path writeJsonl() throws IOException {
    Random random = new Random(5);
    StringBuilder out = new StringBuilder();
    String first = null;
    for (int i = 0; i < ARTICLES; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 80; w++) body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
      String text = i > 0 && i % 97 == 0 ? first : body.toString().strip();
      if (i == 0) first = text;
      out.append("{\"title\": \"Story ").append(i).append("\", \"authors\": [\"Ana Ruiz\"], \"published\": \"2020-01-")
          .append(String.format("%02d", 1 + i % 28)).append("\", \"body\": \"").append(text).append("\"}\n");
    }
    Path file = Files.createDirectories(dir.resolve("docs")).resolve("stories.jsonl");
    Files.writeString(file, out);
    return file;
  }

  private record Imported(Map<String, String> titles, Set<Set<String>> groups) {}

  private Imported importWith(Path file, int threads) throws Exception {
    Path indexDir = dir.resolve("index-" + threads);
    try (ArchiveIndex index = ArchiveIndex.openWritable(indexDir)) {
      var options = new BulkImporter.Options(threads, FileExtractor.DEFAULT_MAX_BYTES, FileExtractor.DEFAULT_MAX_CHARS,
          Duration.ofSeconds(60), 1000, false, false);
      ImportSummary s = new BulkImporter(options, index, ImportJournal.open(indexDir, index.commitData()))
          .run(List.of(file), p -> {});
      assertEquals(ARTICLES, s.articles());
      index.refreshNow();
      return index.withSearcher(searcher -> {
        Map<String, String> titles = new TreeMap<>();
        Map<String, Set<String>> byGroup = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          for (int d = 0; d < leaf.reader().maxDoc(); d++) {
            if (live != null && !live.get(d)) continue;
            Document doc = leaf.reader().storedFields().document(d);
            String id = doc.get(ArticleSchema.ID);
            titles.put(id, doc.get(ArticleSchema.TITLE));
            byGroup.computeIfAbsent(doc.get(ArticleSchema.DUP_GROUP), g -> new HashSet<>()).add(id);
          }
        }
        return new Imported(titles, new HashSet<>(byGroup.values()));
      });
    }
  }

  @Test
  void threeThreadsWriteTheSameArticlesAndGroupsAsOne() throws Exception {
    Path file = writeJsonl();
    Imported one = importWith(file, 1);
    Imported three = importWith(file, 3);

    assertEquals(ARTICLES, one.titles().size());
    assertEquals(one.titles(), three.titles());
    assertEquals(one.groups(), three.groups());
    List<Set<String>> copies = new ArrayList<>(one.groups().stream().filter(g -> g.size() > 1).toList());
    assertEquals(1, copies.size());
    assertEquals(1 + (ARTICLES - 1) / 97, copies.get(0).size());
  }
}
