package org.backfile.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NewsgroupPostsTest {

  @Test
  void splitsHeadersFromBodyAtTheFirstBlankLine() {
    NewsgroupPosts.Post p = NewsgroupPosts.parse("train/sci.space/1", "sci.space",
        "From: ann@example.org (Ann)\r\nSubject: Re: orbits\r\nLines: 2\r\n\r\nLow orbits decay.\r\n\r\nAnn\r\n");
    assertEquals("ann@example.org (Ann)", p.from());
    assertEquals("Re: orbits", p.subject());
    assertEquals("Low orbits decay.\n\nAnn", p.body());
    assertEquals("sci.space", p.group());
  }
}
