package org.backfile.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 SGML: many {@code <REUTERS>} blocks per file, not well-formed XML, so read with
 * patterns. Briefs (title only) and unprocessed stories (text only) still make articles.
 */
final class ReutersSgmlSplitter {

  private static final int FLAGS = Pattern.DOTALL | Pattern.CASE_INSENSITIVE;
  private static final Pattern START = Pattern.compile("<REUTERS\\b[^>]*>", FLAGS);
  /** A story ends at its end tag, or where the next one starts (a missing end tag). */
  private static final Pattern END = Pattern.compile("(</REUTERS>)|<REUTERS\\b", FLAGS);
  private static final int END_TAG_CHARS = "</REUTERS>".length();
  private static final Pattern DATE = Pattern.compile(
      "(\\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(\\d{4})", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOPIC = Pattern.compile("<D>(.*?)</D>", FLAGS);
  private static final Pattern TEXT = Pattern.compile("<TEXT\\b[^>]*>(.*?)(?:</TEXT>|\\z)", FLAGS);
  private static final Pattern CHAR_REF = Pattern.compile("&#(\\d+);");
  private static final Pattern SIGN_OFF = Pattern.compile("\\s*\\bReuter\\s*\\z");
  private static final Pattern AUTHOR_BY = Pattern.compile("(?i)^by\\s+");
  private static final Pattern AUTHOR_TAIL = Pattern.compile("(?i),?\\s*reuters?\\s*$");
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

  private ReutersSgmlSplitter() {}

  /**
   * Reads the file a line at a time and hands on each story as soon as its end is read, so only one
   * story is in memory however large the file.
   */
  static void split(TextLines lines, String source, ArticleStream out)
      throws ExtractionException, IOException, InterruptedException {
    StringBuilder pending = new StringBuilder(); // the current story, after its start tag
    boolean inStory = false;
    int scanFrom = 0; // where the end tag may start: the text before was searched already
    int ordinal = 0;
    int written = 0;
    boolean eof = false;
    while (!eof) {
      String line = lines.next();
      if (line == null) eof = true;
      else pending.append(line).append('\n');
      while (true) {
        if (!inStory) {
          Matcher start = START.matcher(pending);
          if (!start.find()) {
            int tag = pending.lastIndexOf("<"); // keep a start tag that is not whole yet
            pending.delete(0, tag < 0 ? pending.length() : tag);
            break;
          }
          pending.delete(0, start.end());
          inStory = true;
          scanFrom = 0;
        }
        Matcher end = END.matcher(pending).region(scanFrom, pending.length());
        boolean found = end.find();
        if (!found && !eof) { // the story goes on in the next lines
          scanFrom = Math.max(0, pending.length() - END_TAG_CHARS);
          break;
        }
        String sgml = pending.substring(0, found ? end.start() : pending.length());
        pending.delete(0, !found ? pending.length() : end.group(1) != null ? end.end() : end.start());
        inStory = false;
        Article a = story(sgml, source, ArticleIds.of(source, ordinal++));
        if (!a.title().isEmpty() || !a.body().isEmpty()) {
          out.accept(a);
          written++;
        }
      }
    }
    if (written == 0) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "no <REUTERS> stories");
    }
  }

  private static Article story(String sgml, String source, String id) {
    Map<String, String> provenance = new LinkedHashMap<>();
    String title = clean(element(sgml, "TITLE")).replaceAll("\\s+", " ").strip();
    if (!title.isEmpty()) provenance.put("title", "reuters-TITLE");
    PartialDate published = date(element(sgml, "DATE"));
    if (published != null) provenance.put("published", "reuters-DATE");
    List<String> authors = new ArrayList<>();
    String author = clean(element(sgml, "AUTHOR")).replaceAll("\\s+", " ").strip();
    author = AUTHOR_TAIL.matcher(AUTHOR_BY.matcher(author).replaceFirst("")).replaceFirst("").strip();
    if (!author.isEmpty()) {
      authors.add(author);
      provenance.put("authors", "reuters-AUTHOR");
    }
    List<String> tags = new ArrayList<>();
    Matcher topic = TOPIC.matcher(element(sgml, "TOPICS"));
    while (topic.find()) tags.add(clean(topic.group(1)).strip());
    String body = element(sgml, "BODY");
    if (body.isEmpty() && title.isEmpty()) {
      Matcher text = TEXT.matcher(sgml); // TYPE="UNPROC": the whole text, no title or body
      if (text.find()) body = text.group(1);
    }
    body = SIGN_OFF.matcher(clean(body)).replaceFirst("");
    String bodyText = String.join("\n\n", PlainText.blocks(body, true));
    if (title.isEmpty() && !bodyText.isEmpty()) {
      List<String> paragraphs = PlainText.blocks(body, true);
      title = paragraphs.get(0);
      bodyText = String.join("\n\n", paragraphs.subList(1, paragraphs.size()));
      provenance.put("title", "first-line");
    }
    return new Article(source, id, title, authors, published, "Reuters", null, tags, null, "en",
        Summaries.leadSentences(bodyText), bodyText, "application/x-reuters-sgml", List.of(), provenance);
  }

  private static String element(String sgml, String name) {
    Matcher m = Pattern.compile("<" + name + "\\b[^>]*>(.*?)</" + name + ">", FLAGS).matcher(sgml);
    return m.find() ? m.group(1) : "";
  }

  /** Character references resolved; control characters (&#2; &#3; …) and stray tags dropped. */
  static String clean(String sgml) {
    String s = CHAR_REF.matcher(sgml).replaceAll(m -> {
      int c = Integer.parseInt(m.group(1));
      return c < 32 && c != 10 && c != 9 ? "" : Matcher.quoteReplacement(String.valueOf((char) c));
    });
    s = s.replaceAll("<[^>]+>", "").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
  }

  private static PartialDate date(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.find()) return null;
    int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) / 3 + 1;
    try {
      return new PartialDate(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return null;
    }
  }
}
