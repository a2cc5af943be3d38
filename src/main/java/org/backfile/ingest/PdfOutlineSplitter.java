package org.backfile.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF whose outline (bookmarks) marks its articles, e.g. a magazine issue: one article per
 * top-level bookmark, from its page to the page before the next one's. Anything else (no outline,
 * fewer than two bookmarks with pages, bookmarks out of page order, encrypted or broken files)
 * yields empty, and the file takes the ordinary Tika path, which reports encrypted and corrupt files.
 */
final class PdfOutlineSplitter {

  private record Part(String title, int firstPage) {}

  private PdfOutlineSplitter() {}

  static Optional<List<Article>> split(byte[] content, String source, int maxChars) {
    try (PDDocument document = Loader.loadPDF(content)) {
      return split(document, source, maxChars);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the Tika path says what is wrong with the file
    }
  }

  static Optional<List<Article>> split(java.io.File file, String source, int maxChars) {
    try (PDDocument document = Loader.loadPDF(file)) {
      return split(document, source, maxChars);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<List<Article>> split(PDDocument document, String source, int maxChars)
      throws IOException {
    if (document.isEncrypted()) return Optional.empty();
    PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
    if (outline == null) return Optional.empty();
    List<Part> parts = new ArrayList<>();
    int guard = 0;
    for (PDOutlineItem item : outline.children()) {
      if (++guard > 10_000) return Optional.empty(); // a looping outline
      PDPage page = item.findDestinationPage(document);
      if (page == null) continue;
      int index = document.getPages().indexOf(page);
      if (index < 0) continue;
      String title = item.getTitle() == null ? "" : item.getTitle().strip();
      if (!parts.isEmpty() && index <= parts.get(parts.size() - 1).firstPage()) {
        return Optional.empty(); // out of page order, or two on one page: not an article list
      }
      parts.add(new Part(title, index));
    }
    if (parts.size() < 2) return Optional.empty();

    PDDocumentInformation info = document.getDocumentInformation();
    String infoAuthor = info == null ? null : info.getAuthor();
    PartialDate infoDate = info == null ? null : date(info.getCreationDate());
    int pageCount = document.getNumberOfPages();
    List<Article> out = new ArrayList<>();
    for (int n = 0; n < parts.size(); n++) {
      int first = parts.get(n).firstPage() + 1; // PDFTextStripper counts from 1
      int last = n + 1 < parts.size() ? parts.get(n + 1).firstPage() : pageCount;
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      stripper.setParagraphEnd("\n\n");
      stripper.setStartPage(first);
      stripper.setEndPage(last);
      String text = stripper.getText(document);
      List<String> warnings = new ArrayList<>();
      if (text.length() > maxChars) {
        text = text.substring(0, maxChars);
        warnings.add("text cut at " + maxChars + " characters");
      }
      out.add(article(parts.get(n).title(), text, infoAuthor, infoDate, source,
          ArticleIds.of(source, n), warnings));
    }
    return Optional.of(out);
  }

  static Article article(String title, String text, String infoAuthor, PartialDate infoDate,
      String source, String id, List<String> warnings) {
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("title", "pdf-outline");
    // The heading, a "By NAME" line and a date line are lines at the top, not body paragraphs.
    String[] lines = text.replace("\r", "").split("\n", -1);
    List<Integer> top = new ArrayList<>();
    for (int i = 0; i < lines.length && top.size() < 4; i++) {
      if (!lines[i].isBlank()) top.add(i);
    }
    if (!top.isEmpty() && HtmlMetadata.normal(lines[top.get(0)]).equals(HtmlMetadata.normal(title))) {
      lines[top.remove(0)] = "";
    }
    List<String> authors = new ArrayList<>();
    PartialDate published = null;
    for (int k = 0; k < top.size(); k++) {
      String line = lines[top.get(k)].strip();
      if (!DocumentExtractor.BYLINE_START.matcher(line).lookingAt()
          || line.length() > DocumentExtractor.MAX_BYLINE_CHARS) {
        continue;
      }
      Optional<Bylines.Byline> byline = Bylines.parse(line);
      if (byline.isPresent() && !byline.get().authors().isEmpty()) {
        authors.addAll(byline.get().authors());
        provenance.put("authors", "byline");
        if (byline.get().date() != null) {
          published = byline.get().date();
          provenance.put("published", "byline");
        }
        lines[top.get(k)] = "";
        if (published == null && k + 1 < top.size() && lines[top.get(k + 1)].strip().length() < 40) {
          Optional<PartialDate> dateLine = TextDates.parse(lines[top.get(k + 1)].strip());
          if (dateLine.isPresent()) {
            published = dateLine.get();
            provenance.put("published", "dateline");
            lines[top.get(k + 1)] = "";
          }
        }
        break;
      }
    }
    List<String> paragraphs = paragraphs(String.join("\n", lines));
    if (authors.isEmpty() && infoAuthor != null && !infoAuthor.isBlank()) {
      authors.add(infoAuthor.strip());
      provenance.put("authors", "document-properties");
    }
    if (published == null && infoDate != null) {
      published = infoDate;
      provenance.put("published", "document-properties");
    }
    String body = String.join("\n\n", paragraphs);
    String language = LanguageGuesser.guess(body).orElse(null);
    if (language != null) provenance.put("language", "detected");
    String summary = Summaries.leadSentences(body);
    if (summary != null) provenance.put("summary", "lead-sentences");
    if (body.isBlank()) warnings.add("no article text found");
    return new Article(source, id, title, authors, published, null, null, List.of(), null, language,
        summary, body, "application/pdf", warnings, provenance);
  }

  /** Blank-line separated blocks, each with its lines joined; a hyphen at a line's end joined up. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.replace("\r", "").split("\\n\\s*\\n")) {
      StringBuilder para = new StringBuilder();
      for (String line : block.split("\\n")) {
        String l = line.strip();
        if (l.isEmpty()) continue;
        if (para.length() > 0) {
          if (para.charAt(para.length() - 1) == '-' && para.length() > 1
              && Character.isLowerCase(para.charAt(para.length() - 2)) && Character.isLowerCase(l.charAt(0))) {
            para.setLength(para.length() - 1);
          } else {
            para.append(' ');
          }
        }
        para.append(l);
      }
      if (para.length() > 0) out.add(para.toString());
    }
    return out;
  }

  private static PartialDate date(Calendar created) {
    if (created == null) return null;
    LocalDate d = created.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    return d.isAfter(LocalDate.now()) ? null : PartialDate.of(d);
  }
}
