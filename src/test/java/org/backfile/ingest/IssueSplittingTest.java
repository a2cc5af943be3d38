package org.backfile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-article web pages (one {@code <article>} each) and PDFs whose bookmarks mark articles. */
class IssueSplittingTest {

  private final FileExtractor extractor = new FileExtractor();

  @TempDir
  Path dir;

  private static final String[] TITLES = {
      "The Harbour Wall Holds", "A Winter of Long Queues", "Orchards After the Frost"};
  private static final String[] AUTHORS = {"Ana Ruiz", "Tomas Berg", "Mira Okafor"};
  private static final String[] DATES = {"2019-03-04", "2019-03-11", "2019-03-18"};

  private static String paragraph(int article, int n) {
    return "Paragraph " + n + " of story " + article + " tells how the town council met again on a"
        + " wet Tuesday evening, how the residents argued about the budget for the harbour, and how"
        + " the fishermen waited outside in the rain for an answer that did not come that night.";
  }

  @Test
  void issuePageWithThreeArticlesIsSplitIntoThree() throws Exception {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>The Coastal Weekly, Issue 12</title>
        <meta property="og:site_name" content="The Coastal Weekly"></head><body>
        <header><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>
        <h1>The Coastal Weekly, Issue 12</h1></header><main>
        """);
    for (int i = 0; i < 3; i++) {
      html.append("<article><h2>").append(TITLES[i]).append("</h2>")
          .append("<p class=\"byline\">By ").append(AUTHORS[i]).append("</p>")
          .append("<time datetime=\"").append(DATES[i]).append("\">").append(DATES[i]).append("</time>");
      for (int p = 1; p <= 4; p++) html.append("<p>").append(paragraph(i, p)).append("</p>");
      html.append("</article>\n");
    }
    html.append("</main><footer><p>Subscribe to the weekly.</p></footer></body></html>");
    Path file = dir.resolve("issue-12.html");
    Files.writeString(file, html, StandardCharsets.UTF_8);

    List<Article> articles = extractor.extract(file);
    assertEquals(3, articles.size());
    String source = FileExtractor.sourceOf(file);
    for (int i = 0; i < 3; i++) {
      Article a = articles.get(i);
      assertEquals(TITLES[i], a.title());
      assertEquals(List.of(AUTHORS[i]), a.authors());
      assertEquals(PartialDate.parse(DATES[i]), a.published());
      assertEquals(ArticleIds.of(source, i), a.id());
      assertTrue(a.body().contains("of story " + i + " tells"), a.body());
      assertFalse(a.body().contains("of story " + ((i + 1) % 3) + " tells"), a.body());
      assertEquals("The Coastal Weekly", a.publication());
    }
    assertEquals(3, new HashSet<>(articles.stream().map(Article::id).toList()).size());
  }

  @Test
  void articlePageWithTeaserCardsStaysOneArticle() throws Exception {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>The Harbour Wall Holds</title></head><body>
        <main><h1>The Harbour Wall Holds</h1><p class="byline">By Ana Ruiz</p>
        <time datetime="2019-03-04">4 March 2019</time>
        """);
    for (int p = 1; p <= 6; p++) html.append("<p>").append(paragraph(0, p)).append("</p>");
    html.append("</main><aside><h2>Related stories</h2>");
    for (int c = 0; c < 4; c++) {
      html.append("<article><h3><a href=\"/s").append(c).append("\">Teaser headline ").append(c)
          .append("</a></h3><p>A short teaser for another story.</p></article>");
    }
    html.append("</aside></body></html>");
    Path file = dir.resolve("story.html");
    Files.writeString(file, html, StandardCharsets.UTF_8);

    List<Article> articles = extractor.extract(file);
    assertEquals(1, articles.size());
    assertEquals("The Harbour Wall Holds", articles.get(0).title());
    assertEquals(ArticleIds.of(FileExtractor.sourceOf(file), 0), articles.get(0).id());
    // The page parsed for the split check is the one extracted: the same article as from the bytes.
    String source = FileExtractor.sourceOf(file);
    assertEquals(new HtmlArticleExtractor().extract(Files.readAllBytes(file), source,
        ArticleIds.of(source, 0)), articles.get(0));
  }


  @Test
  void pdfWithOutlineIsSplitByTopLevelBookmarks() throws Exception {
    Path file = dir.resolve("magazine.pdf");
    // three sections over five pages: story 0 on pages 1-2, story 1 on page 3, story 2 on pages 4-5
    int[] firstPage = {0, 2, 3};
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int page = 0; page < 5; page++) {
        PDPage p = new PDPage();
        doc.addPage(p);
        int story = page >= 3 ? 2 : page >= 2 ? 1 : 0;
        boolean opening = page == firstPage[story];
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.newLineAtOffset(72, 720);
          if (opening) {
            cs.showText(TITLES[story]);
            cs.newLineAtOffset(0, -30);
            cs.showText("By " + AUTHORS[story]);
            cs.newLineAtOffset(0, -40);
          }
          cs.showText("Story " + story + " page " + page + " first paragraph line one.");
          cs.newLineAtOffset(0, -14);
          cs.showText("Story " + story + " page " + page + " first paragraph line two.");
          cs.newLineAtOffset(0, -40);
          cs.showText("Story " + story + " page " + page + " second paragraph.");
          cs.endText();
        }
      }
      PDDocumentOutline outline = new PDDocumentOutline();
      doc.getDocumentCatalog().setDocumentOutline(outline);
      for (int s = 0; s < 3; s++) {
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(doc.getPage(firstPage[s]));
        PDOutlineItem item = new PDOutlineItem();
        item.setDestination(dest);
        item.setTitle(TITLES[s]);
        outline.addLast(item);
      }
      PDDocumentInformation info = new PDDocumentInformation();
      info.setAuthor("Magazine Staff");
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.clear();
      created.set(2018, Calendar.JUNE, 1, 12, 0);
      info.setCreationDate(created);
      doc.setDocumentInformation(info);
      doc.save(file.toFile());
    }

    List<Article> articles = extractor.extract(file);
    assertEquals(3, articles.size());
    String source = FileExtractor.sourceOf(file);
    for (int s = 0; s < 3; s++) {
      Article a = articles.get(s);
      assertEquals(TITLES[s], a.title());
      assertEquals(List.of(AUTHORS[s]), a.authors());
      assertEquals(PartialDate.parse("2018-06-01"), a.published());
      assertEquals(ArticleIds.of(source, s), a.id());
      assertEquals("application/pdf", a.contentType());
      assertFalse(a.body().contains(TITLES[s]), a.body());
      assertFalse(a.body().contains("By " + AUTHORS[s]), a.body());
    }
    assertTrue(articles.get(0).body().startsWith(
        "Story 0 page 0 first paragraph line one. Story 0 page 0 first paragraph line two.\n\n"
            + "Story 0 page 0 second paragraph."), articles.get(0).body());
    assertTrue(articles.get(0).body().contains("Story 0 page 1 second paragraph."));
    assertFalse(articles.get(0).body().contains("Story 1"));
    assertTrue(articles.get(1).body().contains("Story 1 page 2 second paragraph."));
    assertFalse(articles.get(1).body().contains("Story 2"));
    assertTrue(articles.get(2).body().contains("Story 2 page 3"));
    assertTrue(articles.get(2).body().contains("Story 2 page 4 second paragraph."));
  }

  @Test
  void encryptedPdfWithOutlineIsStillReportedAsEncrypted() throws Exception {
    Path file = dir.resolve("locked.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDDocumentOutline outline = new PDDocumentOutline();
      doc.getDocumentCatalog().setDocumentOutline(outline);
      for (int page = 0; page < 2; page++) {
        PDPage p = new PDPage();
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.newLineAtOffset(72, 720);
          cs.showText("Secret page " + page);
          cs.endText();
        }
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(p);
        PDOutlineItem item = new PDOutlineItem();
        item.setDestination(dest);
        item.setTitle("Section " + page);
        outline.addLast(item);
      }
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(file.toFile());
    }
    ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(file));
    assertEquals(ExtractionException.Reason.ENCRYPTED, e.reason());
  }

  @Test
  void pdfWithoutOutlineIsOneArticle() throws Exception {
    Path file = dir.resolve("plain.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int page = 0; page < 2; page++) {
        PDPage p = new PDPage();
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.newLineAtOffset(72, 720);
          cs.showText("Page " + page + " of a report without bookmarks.");
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
    List<Article> articles = extractor.extract(file);
    assertEquals(1, articles.size());
    assertEquals(ArticleIds.of(FileExtractor.sourceOf(file), 0), articles.get(0).id());
    assertTrue(articles.get(0).body().contains("Page 1 of a report"), articles.get(0).body());
  }
}
