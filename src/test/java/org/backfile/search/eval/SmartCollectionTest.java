package org.backfile.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmartCollectionTest {

  static Path fixture() throws URISyntaxException {
    return Path.of(SmartCollectionTest.class.getResource("/fixtures/smart/query.text").toURI()).getParent();
  }

  @Test
  void readsDocumentsWithTheirFieldsInFileOrder() throws Exception {
    SmartCollection c = SmartCollection.load(fixture());
    assertEquals(List.of("1", "2", "3", "12"), c.docs().stream().map(SmartCollection.Doc::id).toList());
    assertEquals("Bee keeping on city roofs", c.docs().get(0).field('T'));
    assertEquals("Keller, M.", c.docs().get(0).field('A'));
    assertEquals("compiler, parsing", c.docs().get(1).field('K'));
  }

  @Test
  void joinsAnIdSplitOverTwoLines() throws Exception {
    SmartCollection.Doc last = SmartCollection.load(fixture()).docs().get(3);
    assertEquals("12", last.id());
    assertEquals("Parsing arithmetic expressions", last.field('T'));
  }

  @Test
  void turnsControlBytesIntoSpaces() throws Exception {
    assertEquals("Winter feeding of bees", SmartCollection.load(fixture()).docs().get(2).field('T'));
  }

  @Test
  void readsQueryTextWithoutItsAuthorsOrNotes() throws Exception {
    Map<String, String> q = SmartCollection.load(fixture()).queries();
    assertEquals(List.of("1", "2", "3"), List.copyOf(q.keySet()));
    assertEquals("How do I feed bees in winter?", q.get("1"));
    assertEquals("compiler parsing methods", q.get("2"));
  }

  @Test
  void matchesZeroPaddedJudgementIdsAndSkipsUnjudgedQueries() throws Exception {
    SmartCollection c = SmartCollection.load(fixture());
    assertEquals(Set.of("3", "1"), c.relevant().get("1"));
    assertEquals(Set.of("12", "2"), c.relevant().get("2"));
    assertEquals(List.of("1", "2"), c.judgedQueries());
  }
}
