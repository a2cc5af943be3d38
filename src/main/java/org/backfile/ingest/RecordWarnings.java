package org.backfile.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Passes a splitter's articles on, holding back one, so that a record the splitter had to skip (a
 * line that is not JSON, a message with nothing in it) is noted on the article read just before it,
 * or on the first one when the bad record came first. The whole file's warnings once all went on its
 * first article; that needs the file's articles in memory until its end, and a streamed file of a
 * million articles must not wait.
 */
final class RecordWarnings {

  private final ArticleStream out;
  private final List<String> early = new ArrayList<>();
  private Article held;
  private List<String> heldWarnings = new ArrayList<>();
  private long count;

  RecordWarnings(ArticleStream out) {
    this.out = out;
  }

  void accept(Article article) throws InterruptedException {
    flush();
    held = article;
    count++;
    if (!early.isEmpty()) {
      heldWarnings.addAll(early);
      early.clear();
    }
  }

  /** A skipped record, noted on the article before it (or the next one, when none came before). */
  void warn(String warning) {
    if (held == null) early.add(warning);
    else heldWarnings.add(warning);
  }

  /** Articles accepted so far. */
  long count() {
    return count;
  }

  /** The first warning, for the failure message of a file with no article. */
  String firstWarning() {
    return early.isEmpty() ? null : early.get(0);
  }

  /** Passes on the article held back; call once at the end. */
  void finish() throws InterruptedException {
    flush();
  }

  private void flush() throws InterruptedException {
    if (held == null) return;
    Article a = heldWarnings.isEmpty() ? held : MboxSplitter.withWarnings(held, heldWarnings);
    held = null;
    heldWarnings = new ArrayList<>();
    out.accept(a);
  }
}
