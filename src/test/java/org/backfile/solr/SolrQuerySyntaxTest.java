package org.backfile.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backfile.search.ArchiveQueries;
import org.backfile.search.BadQueryException;
import org.junit.jupiter.api.Test;

class SolrQuerySyntaxTest {

  private static String solr(String query) {
    return SolrQuerySyntax.of(ArchiveQueries.parse(query, List.of()));
  }

  @Test
  void wordsAreAnalysedOnceHereAndAllMustMatchInTitleOrBody() {
    assertEquals("(+((title:\"night\")^2.5 (body:\"night\")^1.0) +((title:\"train\")^2.5 (body:\"train\")^1.0))", solr("Night trains"));
  }

  @Test
  void quotedPhrasesGoToTheUnstemmedFieldsWithTheirSlop() {
    assertEquals("((title_exact:\"night trains\")^2.5 body_exact:\"night trains\")", solr("\"Night trains\""));
    assertEquals("((title_exact:\"night trains\"~2)^2.5 body_exact:\"night trains\"~2)", solr("\"night trains\"~2"));
  }

  @Test
  void authorsSectionsAndDatesBecomeExactTermsAndDayRanges() {
    assertEquals("(author:\"Keller\" author_text:\"keller\")", solr("author:Keller"));
    assertEquals("section:\"Travel\"", solr("section:Travel"));
    // 2012 stands for 1 January to 31 December 2012: epoch days 15340..15705.
    assertEquals("(+filter(published_start:[15340 TO 2147483647]) +filter(published_end:[-2147483648 TO 15705]))",
        solr("published:2012"));
  }

  @Test
  void negationAlonePrefixesAndEmptyQueries() {
    assertEquals("(+*:* -((title:\"bee\")^2.5 (body:\"bee\")^1.0))", solr("-bees"));
    assertEquals("((title:bee*)^2.5 (body:bee*)^1.0)", solr("bee*"));
    assertEquals("*:*", solr(""));
  }

  @Test
  void termsWithQuotesOrBackslashesStayOneTerm() {
    assertEquals("section:\"a \\\"b\\\" \\\\c\"", SolrQuerySyntax.term("section", "a \"b\" \\c"));
    assertEquals("a\\:b\\ c\\*", SolrQuerySyntax.escape("a:b c*"));
  }

  @Test
  void aBadQueryFailsHereWithTheSameMessageAsOnTheEmbeddedIndex() {
    BadQueryException e = assertThrows(BadQueryException.class, () -> solr("\"unclosed"));
    assertEquals(true, e.getMessage().startsWith("Cannot parse query '\"unclosed'"), e.getMessage());
  }

  @Test
  void boostsAreWrittenWithoutAnExponent() {
    assertEquals("(((title:\"bee\")^2.5 (body:\"bee\")^1.0))^0.00010", solr("bees^0.0001"));
  }
}
