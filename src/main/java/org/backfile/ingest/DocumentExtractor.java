package org.backfile.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.xml.sax.SAXException;

/**
 * Every format but HTML pages: Tika turns the file into XHTML and metadata; this class reads the
 * title, authors and date from document properties, else from the text (first heading, a "By NAME"
 * line), and keeps the body as paragraphs.
 */
final class DocumentExtractor {

  /** Longest first line of a plain-text file that still reads as a title. */
  private static final int MAX_TITLE_CHARS = 150;

  static final java.util.regex.Pattern BYLINE_START = java.util.regex.Pattern.compile(
      "(?i)\\s*(?:(?:posted|written|words|text|story|reported)\\s+)?by\\s+\\p{Lu}");
  static final int MAX_BYLINE_CHARS = 100;

  private final Parser parser = new AutoDetectParser();
  private final int maxChars;

  DocumentExtractor(int maxChars) {
    this.maxChars = maxChars;
  }

  Article extract(InputStream in, String fileName, String mediaType, String source, String id)
      throws ExtractionException {
    Metadata meta = new Metadata();
    meta.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    if (mediaType != null) meta.set(Metadata.CONTENT_TYPE, mediaType);
    ToXMLContentHandler xhtml = new ToXMLContentHandler();
    List<String> warnings = new ArrayList<>();
    try {
      parser.parse(in, new WriteOutContentHandler(xhtml, maxChars), meta, new ParseContext());
    } catch (EncryptedDocumentException e) {
      throw new ExtractionException(source, ExtractionException.Reason.ENCRYPTED,
          "the file is encrypted", e);
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new ExtractionException(source, ExtractionException.Reason.CORRUPT,
            "could not read the file: " + e.getMessage(), e);
      }
      warnings.add("text cut at " + maxChars + " characters");
    } catch (TikaException e) {
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT,
          "could not read the file: " + rootMessage(e), e);
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE,
          "could not read the file: " + e.getMessage(), e);
    }
    String contentType = baseType(meta.get(Metadata.CONTENT_TYPE), mediaType);
    Document doc = Jsoup.parse(xhtml.toString());
    boolean plainText = contentType.startsWith("text/plain");
    List<String> paragraphs = plainText ? PlainText.paragraphs(doc.body().wholeText()) : paragraphs(doc);
    Map<String, String> provenance = new LinkedHashMap<>();

    String title = firstNonBlank(meta.get(TikaCoreProperties.TITLE), meta.get(TikaCoreProperties.SUBJECT));
    if (title != null) provenance.put("title", "document-properties");
    if (title == null) {
      Element heading = doc.selectFirst("h1, h2, h3");
      if (heading != null && !heading.text().isBlank()) {
        title = heading.text().strip();
        provenance.put("title", "first-heading");
      }
    }
    if (title == null && !paragraphs.isEmpty() && looksLikeTitle(paragraphs.get(0), plainText)) {
      title = paragraphs.get(0);
      provenance.put("title", "first-line");
    }
    if (title != null && !paragraphs.isEmpty() && paragraphs.get(0).equals(title)) {
      paragraphs.remove(0);
    }

    List<String> authors = new ArrayList<>();
    PartialDate published = null;
    String fromName = meta.get(Message.MESSAGE_FROM_NAME);
    if (fromName != null && !fromName.isBlank()) {
      authors.add(fromName.strip());
      provenance.put("authors", "email-from");
    } else {
      for (String creator : meta.getValues(TikaCoreProperties.CREATOR)) {
        if (!creator.isBlank()) authors.add(stripAddress(creator));
      }
      if (!authors.isEmpty()) provenance.put("authors", "document-properties");
    }
    // A "By NAME" line near the top is the byline: metadata, not body; a date line may follow it.
    for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
      if (!BYLINE_START.matcher(paragraphs.get(i)).lookingAt() || paragraphs.get(i).length() > MAX_BYLINE_CHARS) {
        continue; // only a short line that reads as a byline, never a sentence that says "by"
      }
      Optional<Bylines.Byline> byline = Bylines.parse(paragraphs.get(i));
      if (byline.isPresent()) {
        if (authors.isEmpty()) {
          authors.addAll(byline.get().authors());
          provenance.put("authors", "byline");
        }
        if (byline.get().date() != null) {
          published = byline.get().date();
          provenance.put("published", "byline");
        }
        paragraphs.remove(i);
        if (published == null && i < paragraphs.size() && paragraphs.get(i).length() < 40) {
          Optional<PartialDate> dateLine = TextDates.parse(paragraphs.get(i));
          if (dateLine.isPresent()) {
            published = dateLine.get();
            provenance.put("published", "dateline");
            paragraphs.remove(i);
          }
        }
        break;
      }
    }
    if (published == null) {
      published = documentDate(meta);
      if (published != null) provenance.put("published", "document-properties");
    }
    if (published == null) {
      published = takeDateline(paragraphs);
      if (published != null) provenance.put("published", "dateline");
    }

    String body = String.join("\n\n", paragraphs);
    if (title == null && body.isBlank()) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the file has no text");
    }
    String language = firstNonBlank(meta.get(TikaCoreProperties.LANGUAGE), null);
    if (language != null) {
      provenance.put("language", "document-properties");
    } else {
      language = LanguageGuesser.guess(body).orElse(null);
      if (language != null) provenance.put("language", "detected");
    }
    String summary = Summaries.leadSentences(body);
    if (summary != null) provenance.put("summary", "lead-sentences");
    return new Article(source, id, title == null ? "" : title, authors, published, null, null,
        List.of(), null, language, summary, body, contentType, warnings, provenance);
  }

  /** Block elements of Tika's XHTML, one paragraph each; empty ones dropped. */
  private static List<String> paragraphs(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element block : doc.select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td")) {
      if (!block.select("p, li, blockquote, pre, td").isEmpty() && block.children().size() > 0
          && !block.is("td")) {
        continue; // a container of other blocks: its children are taken one by one
      }
      String text = block.is("pre") ? block.wholeText().strip() : block.text().strip();
      if (block.is("pre")) {
        for (String para : text.split("\\n\\s*\\n")) {
          String p = para.replaceAll("\\s*\\n\\s*", " ").strip();
          if (!p.isEmpty()) out.add(p);
        }
      } else if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  /** A first line short enough, and (outside plain text) not a sentence, stands in for a title. */
  private static boolean looksLikeTitle(String line, boolean plainText) {
    if (line.length() > MAX_TITLE_CHARS) return false;
    return plainText || !line.endsWith(".");
  }

  private static final java.util.regex.Pattern ISO_PREFIX =
      java.util.regex.Pattern.compile("^(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)");

  /** The creation date, to the precision it was written with; never a date in the future. */
  private static PartialDate documentDate(Metadata meta) {
    String value = meta.get(TikaCoreProperties.CREATED);
    if (value == null) return null;
    java.util.regex.Matcher m = ISO_PREFIX.matcher(value.strip());
    if (!m.find()) return null;
    try {
      PartialDate date = PartialDate.parse(m.group(1));
      return date.start().isAfter(java.time.LocalDate.now()) ? null : date;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A short line near the top that is only a date ("April 2012") is the dateline. */
  private static PartialDate takeDateline(List<String> paragraphs) {
    for (int i = 0; i < Math.min(4, paragraphs.size()); i++) {
      String line = paragraphs.get(i);
      if (line.length() > 40) continue;
      Optional<PartialDate> date = TextDates.parse(line);
      if (date.isPresent()) {
        paragraphs.remove(i);
        return date.get();
      }
    }
    return null;
  }

  private static String stripAddress(String creator) {
    String s = creator.replaceAll("<[^>]*>", "").replace("\"", "").strip();
    return s.isEmpty() ? creator.strip() : s;
  }

  private static String baseType(String detected, String given) {
    String t = detected != null ? detected : given;
    if (t == null) return "application/octet-stream";
    int semi = t.indexOf(';');
    return semi < 0 ? t.strip() : t.substring(0, semi).strip();
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) return a.strip();
    if (b != null && !b.isBlank()) return b.strip();
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String msg = t.getMessage();
    return msg == null ? t.getClass().getSimpleName() : msg;
  }
}
