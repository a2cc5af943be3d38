package org.backfile.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An mbox file: messages separated by {@code From } lines at the start of the file or after a blank
 * line. Tika reads each message (MIME parts, encodings); the headers give title, author and date.
 */
final class MboxSplitter {

  /** Extracts one message's bytes; FileExtractor's in-memory path. */
  interface MessageReader {
    List<Article> read(byte[] message, String fileName, String source) throws ExtractionException;
  }

  private static final Pattern QUOTED_FROM = Pattern.compile(">+From .*");

  private MboxSplitter() {}

  /**
   * Reads messages one at a time (a mailbox may be larger than memory) and hands each on as an
   * article as soon as it is read.
   */
  static void split(TextLines lines, String source, MessageReader reader, ArticleStream out)
      throws ExtractionException, IOException, InterruptedException {
    RecordWarnings articles = new RecordWarnings(out);
    int n = 0;
    StringBuilder current = null;
    boolean previousBlank = true;
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (previousBlank && line.startsWith("From ")) {
        if (current != null) message(current.toString(), n++, source, reader, articles);
        current = new StringBuilder();
      } else if (current != null) {
        // mboxrd/mboxo quote body lines that start with "From " as ">From "
        current.append(QUOTED_FROM.matcher(line).matches() ? line.substring(1) : line).append('\n');
      }
      previousBlank = line.isEmpty();
    }
    if (current != null) message(current.toString(), n, source, reader, articles);
    if (articles.count() == 0) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the mbox has no messages");
    }
    articles.finish();
  }

  private static void message(String message, int ordinal, String source, MessageReader reader,
      RecordWarnings articles) throws InterruptedException {
    MailHeaders headers = MailHeaders.parse(message);
    Article parsed;
    try {
      List<Article> got = reader.read(message.getBytes(StandardCharsets.UTF_8), "message.eml", source);
      parsed = got.get(0);
    } catch (ExtractionException e) {
      if (headers.get("subject").isEmpty() && headers.body().isBlank()) {
        articles.warn("message " + (ordinal + 1) + " skipped: " + e.getMessage());
        return;
      }
      parsed = null;
    }
    articles.accept(fromHeaders(headers, parsed, source, ArticleIds.of(source, ordinal)));
  }

  private static Article fromHeaders(MailHeaders headers, Article parsed, String source, String id) {
    Map<String, String> provenance = new LinkedHashMap<>();
    if (parsed != null && parsed.provenance() != null) provenance.putAll(parsed.provenance());
    String title = headers.get("subject").orElse(parsed == null ? "" : parsed.title());
    provenance.put("title", "subject-header");
    List<String> authors = headers.author().map(List::of).orElse(parsed == null ? List.of() : parsed.authors());
    provenance.put("authors", "from-header");
    PartialDate published = headers.date().orElse(parsed == null ? null : parsed.published());
    if (published != null) provenance.put("published", "date-header");
    String body = parsed != null ? parsed.body() : String.join("\n\n", PlainText.blocks(headers.body(), false));
    String language = parsed != null ? parsed.language() : LanguageGuesser.guess(body).orElse(null);
    List<String> warnings = parsed == null ? List.of("the message body could not be parsed") : parsed.warnings();
    return new Article(source, id, title, authors, published, null, null, List.of(), null, language,
        Summaries.leadSentences(body), body, "message/rfc822", warnings, provenance);
  }

  static Article withWarnings(Article a, List<String> more) {
    List<String> warnings = new ArrayList<>(a.warnings());
    warnings.addAll(more);
    return new Article(a.source(), a.id(), a.title(), a.authors(), a.published(), a.publication(),
        a.section(), a.tags(), a.url(), a.language(), a.summary(), a.body(), a.contentType(), warnings,
        a.provenance());
  }
}
