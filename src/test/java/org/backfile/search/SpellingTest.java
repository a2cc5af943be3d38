package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SpellingTest {

  @Test
  void theSuggestionJoinsRespeltWordsAndTheNearestAuthor() {
    assertNull(Spelling.suggestion("bread", null, null));
    assertEquals("bread", Spelling.suggestion("braed", "bread", null));
    assertEquals("braed author:\"Maria Keller\"", Spelling.suggestion("braed", null, "Maria Keller"));
    assertEquals("bread author:\"Maria Keller\"", Spelling.suggestion("braed", "bread", "Maria Keller"));
    assertEquals("author:\"Maria Keller\"", Spelling.suggestion("", null, "Maria Keller"));
  }
}
