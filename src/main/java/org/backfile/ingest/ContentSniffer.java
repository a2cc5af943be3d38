package org.backfile.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises files that hold many articles (mbox, SMART, Reuters SGML, JSONL, CSV), newsgroup posts
 * and archives by their first bytes and lines, never by where they sit on disk.
 */
final class ContentSniffer {

  /** What a file holds, as far as the splitters are concerned; {@code OTHER} goes to Tika. */
  enum Kind {
    ZIP, TAR, GZIP, REUTERS_SGML, SMART, MBOX, NEWSGROUP_POST, JSONL, CSV, OTHER;

    /** A file of many articles that is read record by record (see {@link TextLines}). */
    boolean isCollection() {
      return this == REUTERS_SGML || this == SMART || this == MBOX || this == JSONL || this == CSV;
    }
  }

  /** How much of a file is looked at. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final Pattern SMART_START = Pattern.compile("\\A[\\s\\p{Cntrl}]*\\.I\\s+\\d+");
  private static final Pattern MBOX_START = Pattern.compile("\\AFrom \\S+.*\\n(?:[!-9;-~]+:.*\\n)+");
  private static final Pattern HEADER_LINE = Pattern.compile("[!-9;-~]+:.*");
  private static final Set<String> CSV_COLUMNS = Set.of("title", "authors", "published", "body",
      "summary", "section", "tags", "url", "language", "publication");

  private ContentSniffer() {}

  static Kind sniff(byte[] content, String fileName) {
    int n = Math.min(content.length, HEAD_BYTES);
    if (n >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) return Kind.ZIP;
    if (n >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) return Kind.GZIP;
    if (n >= 262 && new String(content, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) return Kind.TAR;
    String head = new String(content, 0, n, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    String start = head.stripLeading();
    if (start.startsWith("<!DOCTYPE lewis") || start.startsWith("<REUTERS ")) { // not a text about it
      return Kind.REUTERS_SGML;
    }
    if (SMART_START.matcher(head).lookingAt()) return Kind.SMART;
    if (MBOX_START.matcher(head).lookingAt()) return Kind.MBOX;
    if (looksLikePost(head)) return Kind.NEWSGROUP_POST;
    if (looksLikeJsonl(head, fileName)) return Kind.JSONL;
    if (looksLikeCsv(head)) return Kind.CSV;
    return Kind.OTHER;
  }

  /** A header block with From and Subject, and either Newsgroups or no MIME (mail goes to Tika). */
  private static boolean looksLikePost(String head) {
    int end = head.indexOf("\n\n");
    if (end < 0) return false;
    boolean from = false;
    boolean subject = false;
    boolean groups = false;
    boolean mime = false;
    for (String line : head.substring(0, end).split("\n")) {
      if (line.startsWith(" ") || line.startsWith("\t")) continue; // a folded header line
      if (!HEADER_LINE.matcher(line).matches()) return false;
      String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
      from |= name.equals("from");
      subject |= name.equals("subject");
      groups |= name.equals("newsgroups");
      mime |= name.equals("mime-version") || name.equals("content-type");
    }
    return from && subject && (groups || !mime);
  }

  private static boolean looksLikeJsonl(String head, String fileName) {
    String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    String[] lines = head.strip().split("\n");
    boolean objects = lines.length >= 1 && lines[0].strip().startsWith("{") && lines[0].strip().endsWith("}");
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return objects;
    return objects && lines.length >= 2 && lines[1].strip().startsWith("{");
  }

  /** A header row whose every column is one of the article fields, title or body among them. */
  private static boolean looksLikeCsv(String head) {
    int eol = head.indexOf('\n');
    String first = (eol < 0 ? head : head.substring(0, eol)).strip();
    if (first.startsWith("\uFEFF") || first.startsWith("ï»¿")) first = first.substring(first.charAt(0) == '\uFEFF' ? 1 : 3);
    String[] columns = first.split(",", -1);
    if (columns.length < 2) return false;
    boolean titleOrBody = false;
    for (String c : columns) {
      String name = c.strip().replace("\"", "").toLowerCase(Locale.ROOT);
      if (!CSV_COLUMNS.contains(name)) return false;
      titleOrBody |= name.equals("title") || name.equals("body");
    }
    return titleOrBody;
  }

  /** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the usual charset of old text). */
  static String decode(byte[] content) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(content, java.nio.charset.Charset.forName("windows-1252"));
    }
  }
}
