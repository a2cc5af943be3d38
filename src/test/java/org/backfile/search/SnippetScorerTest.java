package org.backfile.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/** The scorer without the hash gives Lucene's score to the last bit. */
class SnippetScorerTest {

  private static final List<String> WORDS = List.of("harbour", "ferri", "vote", "termin", "a");

  record Match(String word, int freqInDoc) {}

  @Property(tries = 2000)
  void scoresAsLucenesScorer(@ForAll("matches") List<Match> matches, @ForAll("offsets") int start,
      @ForAll("offsets") int length, @ForAll("offsets") int contentExtra) {
    Passage passage = new Passage();
    int end = start + Math.max(length, matches.size()) + 1;
    passage.setStartOffset(start);
    passage.setEndOffset(end);
    int at = start;
    for (Match m : matches) {
      // a word's count in the body is one number, whichever of its matches carries it
      int freq = matches.stream().filter(o -> o.word().equals(m.word())).findFirst().orElseThrow().freqInDoc();
      passage.addMatch(at, at + 1, new BytesRef(m.word()), freq);
      at++;
    }
    int contentLength = end + contentExtra;
    assertEquals(new PassageScorer().score(passage, contentLength), new SnippetScorer().score(passage, contentLength));
  }

  @Provide
  Arbitrary<List<Match>> matches() {
    return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.integers().between(1, 50)).as(Match::new)
        .list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, 20_000);
  }
}
