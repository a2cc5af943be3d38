package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLdTest {

  private static HtmlMetadata read(String json) {
    return HtmlMetadata.read(Jsoup.parse("<html><head><script type=\"application/ld+json\">" + json
        + "</script></head><body></body></html>"), Clock.systemUTC());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"@type\":\"NewsArticle\",\"author\":\"Ada Byron\"}",
      "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ada Byron\"}}",
      "{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ada Byron\"}]}",
      "[{\"@type\":\"WebSite\"},{\"@type\":\"BlogPosting\",\"author\":[\"Ada Byron\"]}]",
      "{\"@graph\":[{\"@type\":\"Person\",\"@id\":\"#a\",\"name\":\"Ada Byron\"},"
          + "{\"@type\":[\"Article\"],\"author\":{\"@id\":\"#a\"}}]}",
      "{\"@type\":\"http://schema.org/ReportageNewsArticle\",\"author\":{\"name\":\"Ada Byron\"}}",
  })
  void readsTheAuthorInEveryShape(String json) {
    assertEquals(List.of("Ada Byron"), read(json).authors);
  }

  @Test
  void readsHeadlineDateAndArticleBody() {
    HtmlMetadata m = read("{\"@type\":\"Article\",\"headline\":\"Tide &amp; time\","
        + "\"datePublished\":\"2015-07-01\",\"articleBody\":\"Full text.\"}");
    assertEquals("Tide & time", m.title);
    assertEquals(PartialDate.parse("2015-07-01"), m.published);
    assertEquals("Full text.", m.articleBody);
  }

  @Test
  void brokenJsonIsIgnored() {
    HtmlMetadata m = read("{\"@type\":\"Article\",\"headline\":");
    assertTrue(m.authors.isEmpty());
  }

  @Test
  void organisationsAsAuthorsAreNotPeopleWhenTheyAreThePublisher() {
    HtmlMetadata m = read("{\"@type\":\"Article\",\"author\":{\"@type\":\"Organization\",\"name\":"
        + "\"Harbour Times\"},\"publisher\":{\"name\":\"Harbour Times\"}}");
    assertTrue(m.authors.isEmpty(), m.authors.toString());
  }
}
