package org.backfile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewTest {

  @Test
  void pageNumbersShowTheEndsAndTwoEitherSideWithGaps() {
    assertEquals(List.of(1, 2, 3), View.pageNumbers(1, 3));
    assertEquals(List.of(1, 0, 4, 5, 6, 7, 8, 0, 20), View.pageNumbers(6, 20));
    assertEquals(List.of(1), View.pageNumbers(1, 1));
  }

  @Test
  void fileNameNeverShowsTheServerPath() {
    assertEquals("story.html", View.fileName("/srv/archive/2012/story.html"));
    assertEquals("inner.pdf", View.fileName("/srv/a.zip!/dir/inner.pdf"));
    assertEquals("c.txt", View.fileName("C:\\\\data\\\\c.txt"));
  }

  @Test
  void onlyWebAddressesBecomeLinks() {
    assertEquals("https://example.org/a", View.webUrl(" https://example.org/a "));
    assertNull(View.webUrl("javascript:alert(1)"));
    assertNull(View.webUrl("data:text/html,x"));
  }

  @Test
  void authorYearsAreNewestFirstWithUndatedLast() {
    Map<String, Long> years = new LinkedHashMap<>();
    years.put("2012", 5L);
    years.put("undated", 2L);
    years.put("2014", 1L);
    assertEquals(List.of("2014", "2012", "undated"), List.copyOf(View.newestYearFirst(years).keySet()));
  }

  @Test
  void shortenCutsAtAWord() {
    assertEquals("one two…", View.shorten("one two three", 10));
    assertEquals("short", View.shorten("  short ", 10));
  }

  @Test
  void facetValuesReadAsWords() {
    assertEquals("English", View.facetValue("language", "en"));
    assertEquals("PDF", View.facetValue("format", "application/pdf"));
    assertEquals("Undated", View.facetValue("year", "undated"));
  }
}
