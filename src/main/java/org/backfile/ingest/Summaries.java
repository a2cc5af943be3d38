package org.backfile.ingest;

import java.text.BreakIterator;
import java.util.Locale;

/** The dek when a file has none: the body's first one or two sentences. */
final class Summaries {

  static final int MAX_CHARS = 300;

  private Summaries() {}

  static String leadSentences(String body) {
    if (body == null || body.isBlank()) return null;
    int paraEnd = body.indexOf("\n\n");
    String lead = (paraEnd < 0 ? body : body.substring(0, paraEnd)).strip();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(lead);
    int end = sentences.next();
    if (end != BreakIterator.DONE && end < 120) {
      int second = sentences.next();
      if (second != BreakIterator.DONE && second <= MAX_CHARS) end = second;
    }
    String summary = (end == BreakIterator.DONE ? lead : lead.substring(0, end)).strip();
    if (summary.length() > MAX_CHARS) {
      int cut = summary.lastIndexOf(' ', MAX_CHARS - 1);
      summary = summary.substring(0, cut > 0 ? cut : MAX_CHARS - 1) + "…";
    }
    return summary;
  }
}
