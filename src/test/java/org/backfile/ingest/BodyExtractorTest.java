package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Body rules on small hand-written pages, one page shape per test. */
class BodyExtractorTest {

  private static String body(String html) {
    return BodyExtractor.extract(Jsoup.parse(html).body()).text();
  }

  private static String paragraphs(String word, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append("<p>").append(word).append(" paragraph ").append(i)
          .append(" of the story, with a clause, another clause, and enough words to count as"
              + " running text for the scorer.</p>\n");
    }
    return sb.toString();
  }

  @Test
  void aContentLikeClassOnTheBodyDoesNotLetTeaserSummariesOutscoreTheArticle() {
    StringBuilder teasers = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      teasers.append("<li><div class=card><h5><a href=/s").append(i).append(">Other story ")
          .append(i).append("</a></h5><div class=summary>Summary of other story ").append(i)
          .append(" which is about something else and told in a sentence or two.</div></div></li>");
    }
    // A line of text right in the body makes the body a scored block of its own.
    String text = body("<body class='ArticlePage-body'>Text a script wrote here, leaked into the page"
        + "<h1>Headline</h1><div class='story'>" + paragraphs("Main", 3) + "</div>"
        + "<div class=more><h4>More from us</h4><ul>" + teasers + "</ul></div></body>");
    assertTrue(text.contains("Main paragraph 1"), text);
    assertFalse(text.contains("Summary of other story"), text);
  }

  @Test
  void aScriptTemplateHoldingJsonIsNotArticleText() {
    String text = body("<body><article>" + paragraphs("Main", 3)
        + "<div id=c1><script type='text/template'>{\"type\":\"Blockquote\",\"data\":{\"quote\":"
        + "\"<p>A pulled quote repeated from the story, as a script would show it, long enough "
        + "to be unwrapped if it were markup rather than data for a script.</p>\",\"align\":"
        + "\"right\"}}</script></div>" + paragraphs("More", 2) + "</article></body>");
    assertTrue(text.contains("Main paragraph 1") && text.contains("More paragraph 2"), text);
    assertFalse(text.contains("Blockquote") || text.contains("pulled quote"), text);
  }

  @Test
  void anArticleSplitIntoChunksOfTheSameClassIsKeptWhole() {
    String text = body("<body><h1>Headline</h1><div class=chunks>"
        + "<div class=grid><div class='chunk body'>" + paragraphs("First", 4) + "</div>"
        + "<div class=rail><p>Sign up for our newsletter.</p></div></div>"
        + "<div class=grid><div class='chunk body'>" + paragraphs("Second", 4) + "</div>"
        + "<div class=rail><p>Advertisement</p></div></div>"
        + "</div><div class=footer-links><a href=/a>About</a></div></body>");
    assertTrue(text.contains("First paragraph 1"), text);
    assertTrue(text.contains("Second paragraph 4"), text);
  }

  @Test
  void aListOfLinksThatEndsTheArticleGoesWithItsLabelButNotAListInTheText() {
    String links = "<ul><li>Miners strike, <a href=/a>what the union says</a></li>"
        + "<li>Bridges rust. <a href=/b>Ours too</a></li>"
        + "<li>Could a kite <a href=/c>lift a car</a>?</li>"
        + "<li>The plan to <a href=/d>boost batteries</a></li></ul>";
    String text = body("<body><article>" + paragraphs("Main", 3) + links
        + paragraphs("After", 2) + "<div class=more-label>More Great Stories</div>" + links
        + "</article></body>");
    assertTrue(text.contains("Main paragraph 3") && text.contains("After paragraph 2"), text);
    assertEquals(1, text.split("what the union says", -1).length - 1, text);
    assertFalse(text.contains("More Great Stories"), text);
  }

  @Test
  void advertLabelsAndTheSlideshowNoticeGoButProseAboutAdvertsStays() {
    String text = body("<body><article>" + paragraphs("Main", 2) + "<p>Advert</p>"
        + "<p>This slideshow requires JavaScript.</p><p>Advertisers left.</p>"
        + paragraphs("After", 2) + "</article></body>");
    assertFalse(text.contains("Advert\n") || text.contains("slideshow"), text);
    assertTrue(text.contains("Advertisers left.") && text.contains("After paragraph 2"), text);
  }
}
