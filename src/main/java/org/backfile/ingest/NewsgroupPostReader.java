package org.backfile.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Usenet post (20 Newsgroups style): one post per file, headers then plain text. The section is
 * the newsgroup, from the {@code Newsgroups:} header or else the folder the file sits in.
 */
final class NewsgroupPostReader {

  private static final Pattern GROUP = Pattern.compile("[a-z0-9]+(?:\\.[a-z0-9+_-]+)+");

  private NewsgroupPostReader() {}

  static Article read(String text, String source, String id) throws ExtractionException {
    MailHeaders headers = MailHeaders.parse(text);
    Map<String, String> provenance = new LinkedHashMap<>();
    String title = headers.get("subject").orElse("");
    if (!title.isEmpty()) provenance.put("title", "subject-header");
    List<String> authors = new ArrayList<>();
    headers.author().ifPresent(a -> {
      authors.add(a);
      provenance.put("authors", "from-header");
    });
    PartialDate published = headers.date().orElse(null);
    if (published != null) provenance.put("published", "date-header");
    // A cross-post names several groups: the one whose folder holds the file wins, else the first.
    List<String> groups = headers.get("newsgroups").map(g -> List.of(g.strip().split("[,\\s]+"))).orElse(List.of());
    String folder = folderGroup(source);
    String section = folder != null && (groups.isEmpty() || groups.contains(folder)) ? folder
        : groups.isEmpty() ? null : groups.get(0);
    if (section != null) provenance.put("section", section.equals(folder) ? "folder" : "newsgroups-header");
    String body = String.join("\n\n", PlainText.blocks(headers.body(), false));
    if (title.isEmpty() && body.isBlank()) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the post has no text");
    }
    String language = LanguageGuesser.guess(body).orElse(null);
    return new Article(source, id, title, authors, published, null, section, List.of(), null,
        language, Summaries.leadSentences(body), body, "message/news", List.of(), provenance);
  }

  /** The name of the folder holding the file when it reads as a group name ({@code rec.autos}). */
  static String folderGroup(String source) {
    String path = source.replace('\\', '/');
    int last = path.lastIndexOf('/');
    if (last <= 0) return null;
    String folder = path.substring(path.lastIndexOf('/', last - 1) + 1, last);
    return GROUP.matcher(folder).matches() ? folder : null;
  }
}
