package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
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
}
