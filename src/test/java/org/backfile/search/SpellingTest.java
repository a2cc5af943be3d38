package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpellingTest {

  @TempDir
  Path dir;

  @Test
  void theSuggestionJoinsRespeltWordsAndTheNearestAuthor() {
    assertNull(Spelling.suggestion("bread", null, null));
    assertEquals("bread", Spelling.suggestion("braed", "bread", null));
    assertEquals("braed author:\"Maria Keller\"", Spelling.suggestion("braed", null, "Maria Keller"));
    assertEquals("bread author:\"Maria Keller\"", Spelling.suggestion("braed", "bread", "Maria Keller"));
    assertEquals("author:\"Maria Keller\"", Spelling.suggestion("", null, "Maria Keller"));
  }

  @Test
  void aWordIsTakenAsMeantAboveOneInAHundredArticlesOrFiftyArticles() {
    assertEquals(1, Spelling.inUse(0));
    assertEquals(1, Spelling.inUse(25));
    assertEquals(3, Spelling.inUse(300));
    assertEquals(Spelling.WORD_IN_USE, Spelling.inUse(5_000));
    assertEquals(Spelling.WORD_IN_USE, Spelling.inUse(1_000_000));
  }

  private static Article article(int i, String title, String body) {
    return new Article("/s/" + i, "s" + i, title, List.of(), null, null, null, List.of(), null, "en", null,
        body, "text/plain", List.of(), null);
  }

  @Test
  void aWordMoreArticlesHoldThanTheRuleAllowsIsNotRespeltEvenWhereTitlesRarelyHaveIt() throws Exception {
    try (ArchiveIndex index = ArchiveIndex.openWritable(dir)) {
      // 300 articles: a word is taken as meant above 3 of them. "harbours" is in 5 bodies and no
      // title; "harbour" is in 40 titles, so a title-only check would have offered it.
      for (int i = 0; i < 300; i++) {
        String title = i < 40 ? "The harbour report " + i : "Weather note " + i;
        String body = i < 5 ? "Boats left the harbours at dawn." : "Rain and wind over the hills.";
        index.put(article(i, title, body));
      }
      index.refreshNow();
      ArchiveSearch search = new LuceneArchiveSearch(index);
      assertNull(search.search(SearchRequest.of("harbours quokka")).didYouMean());
      assertNotNull(search.search(SearchRequest.of("harbuors")).didYouMean());
    }
  }
}
