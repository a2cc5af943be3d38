package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;

class SnippetsTest {

  @Example
  void findsPhrasesAnywhereInTheQuery() {
    TermQuery word = new TermQuery(new Term("body", "bees"));
    PhraseQuery phrase = new PhraseQuery("body", "honey", "bees");
    assertFalse(Snippets.hasPhrase(word));
    assertFalse(Snippets.hasPhrase(new BooleanQuery.Builder()
        .add(word, BooleanClause.Occur.MUST).add(new TermQuery(new Term("title", "x")), BooleanClause.Occur.SHOULD).build()));
    assertTrue(Snippets.hasPhrase(phrase));
    assertTrue(Snippets.hasPhrase(new BooleanQuery.Builder()
        .add(word, BooleanClause.Occur.MUST)
        .add(new BoostQuery(phrase, 2f), BooleanClause.Occur.SHOULD).build()));
    assertTrue(Snippets.hasPhrase(new MultiPhraseQuery.Builder()
        .add(new Term("body", "honey")).add(new Term[] {new Term("body", "bee"), new Term("body", "bees")}).build()));
  }

  private static final List<String> LANGUAGE_FIELDS = List.of("body_de", "body_fr");

  /** The search hands the highlighter its own query unless the text has quotes: that must be the same query. */
  @Property(tries = 500)
  void unquotedTextParsesToTheSameQueryForHighlighting(@ForAll("unquoted") String text) {
    assertEquals(outcome(text, false), outcome(text, true), text);
  }

  @Provide
  Arbitrary<String> unquoted() {
    return Arbitraries.of("bees", "Honey", "cloud*", "-sunny", "NOT", "OR", "AND", "author:keller", "title:train",
        "section:Garden", "tag:t1", "published:2011", "published:[2011-01 TO 2011-06]", "(bees OR honey)",
        "e-mail", "state-of-the-art", "café", "bee's", "Häuser", "x~", "body:organized", "+committee", "fo?d")
        .list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
  }

  @Example
  void quotedTextParsesDifferentlyForHighlighting() {
    assertNotEquals(outcome("\"organizing committee\"", false), outcome("\"organizing committee\"", true));
  }

  /** The parsed query, or the message of the error it gives. */
  private static Object outcome(String text, boolean forHighlighting) {
    try {
      Query q = forHighlighting ? ArchiveQueries.parseForHighlighting(text, LANGUAGE_FIELDS)
          : ArchiveQueries.parse(text, LANGUAGE_FIELDS);
      return q;
    } catch (BadQueryException e) {
      return e.getMessage();
    }
  }
}
