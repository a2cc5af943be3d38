package org.backfile.sampledata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Builds the binary sample articles (PDF, DOCX, ODT, RTF, EPUB) in {@code sample-data/} from the
 * text sources in {@code src/test/resources/sampledata-sources/<kind>/<name>.txt}.
 *
 * <p>A source starts with header lines ({@code title:}, {@code author:} with names separated by
 * {@code ;}, {@code date:} as YYYY-MM-DD, YYYY-MM or empty, optional {@code metadata: none} and
 * {@code dateline:}), then a blank line, then paragraphs separated by blank lines. A paragraph
 * starting with {@code ## } is a subheading, lines starting with {@code - } are a list and lines
 * starting with {@code > } a blockquote.
 *
 * <p>Run from the project root: {@code java -cp "target/classes:$(cat target/cp.txt)"
 * src/test/java/org/backfile/sampledata/SampleDataGenerator.java sample-data}
 */
public final class SampleDataGenerator {

  record Block(String kind, List<String> lines) {
    String text() {
      return String.join(" ", lines);
    }
  }

  record Source(String name, Map<String, String> header, List<Block> blocks) {
    String title() {
      return header.get("title");
    }

    List<String> authors() {
      return Stream.of(header.getOrDefault("author", "").split(";"))
          .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    String date() {
      return header.getOrDefault("date", "");
    }

    boolean withMetadata() {
      return !"none".equals(header.get("metadata"));
    }

    String byline() {
      return authors().isEmpty() ? null : "By " + String.join(" and ", authors());
    }
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "sample-data");
    Path sources = Path.of(args.length > 1 ? args[1] : "src/test/resources/sampledata-sources");
    for (String kind : List.of("pdf", "docx", "odt", "rtf", "epub")) {
      Path dir = sources.resolve(kind);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Files.createDirectories(out.resolve(kind));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          Source s = read(f);
          Path target = out.resolve(kind).resolve(s.name() + "." + kind);
          switch (kind) {
            case "pdf" -> writePdf(s, target);
            case "docx" -> writeDocx(s, target);
            case "odt" -> writeOdt(s, target);
            case "rtf" -> Files.writeString(target, rtf(s), StandardCharsets.US_ASCII);
            case "epub" -> writeEpub(s, target);
            default -> throw new IllegalStateException(kind);
          }
          System.out.println("wrote " + target);
        }
      }
    }
  }

  static Source read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int split = text.indexOf("\n\n");
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : text.substring(0, split).split("\n")) {
      int colon = line.indexOf(':');
      header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    List<Block> blocks = new ArrayList<>();
    for (String para : text.substring(split).strip().split("\n\\s*\n")) {
      List<String> lines = para.strip().lines().map(String::strip).toList();
      if (lines.get(0).startsWith("## ")) {
        blocks.add(new Block("h", List.of(lines.get(0).substring(3))));
      } else if (lines.get(0).startsWith("- ")) {
        blocks.add(new Block("ul", lines.stream().map(l -> l.substring(2)).toList()));
      } else if (lines.get(0).startsWith("> ")) {
        blocks.add(new Block("q", lines.stream().map(l -> l.substring(2)).toList()));
      } else {
        blocks.add(new Block("p", lines));
      }
    }
    String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
    return new Source(name, header, blocks);
  }

  static boolean fullDate(String d) {
    return d.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  static Calendar noon(String d) {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.clear();
    LocalDate ld = LocalDate.parse(d);
    c.set(ld.getYear(), ld.getMonthValue() - 1, ld.getDayOfMonth(), 12, 0, 0);
    return c;
  }

  // ---------------------------------------------------------------- PDF

  static void writePdf(Source s, Path target) throws IOException {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    try (PDDocument doc = new PDDocument()) {
      if (s.withMetadata()) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(s.title());
        info.setAuthor(String.join("; ", s.authors()));
        if (fullDate(s.date())) {
          info.setCreationDate(noon(s.date()));
        }
      }
      PdfWriter w = new PdfWriter(doc);
      w.paragraph(s.title(), bold, 20, 0);
      if (s.byline() != null) {
        w.paragraph(s.byline(), italic, 11, 0);
      }
      if (s.header().containsKey("dateline")) {
        w.paragraph(s.header().get("dateline"), italic, 11, 0);
      }
      for (Block b : s.blocks()) {
        switch (b.kind()) {
          case "h" -> w.paragraph(b.text(), bold, 13, 0);
          case "ul" -> b.lines().forEach(l -> w.paragraph("- " + l, regular, 11, 12));
          case "q" -> w.paragraph(b.text(), italic, 11, 24);
          default -> w.paragraph(b.text(), regular, 11, 0);
        }
      }
      w.close();
      doc.save(target.toFile());
    }
  }

  /** Minimal top-to-bottom text layout with word wrap and page breaks. */
  static final class PdfWriter {
    private static final float MARGIN = 64;
    private final PDDocument doc;
    private PDPageContentStream cs;
    private float y;

    PdfWriter(PDDocument doc) {
      this.doc = doc;
    }

    void paragraph(String text, PDType1Font font, float size, float indent) {
      try {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
          String candidate = line.isEmpty() ? word : line + " " + word;
          if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
            lines.add(line.toString());
            line = new StringBuilder(word);
          } else {
            line = new StringBuilder(candidate);
          }
        }
        lines.add(line.toString());
        float leading = size * 1.4f;
        for (String l : lines) {
          if (cs == null || y - leading < MARGIN) {
            newPage();
          }
          y -= leading;
          cs.beginText();
          cs.setFont(font, size);
          cs.newLineAtOffset(MARGIN + indent, y);
          cs.showText(l);
          cs.endText();
        }
        y -= size * 0.8f;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }
  }

  // ---------------------------------------------------------------- DOCX

  static void writeDocx(Source s, Path target) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(target)) {
      PackageProperties props;
      try {
        props = doc.getPackage().getPackageProperties();
      } catch (InvalidFormatException e) {
        throw new IOException(e);
      }
      // A new package gets a "Generated by Apache POI" creator and a "now" timestamp: replace both.
      props.setCreatorProperty(Optional.empty());
      props.setCreatedProperty(Optional.empty());
      if (s.withMetadata()) {
        props.setTitleProperty(s.title());
        props.setCreatorProperty(String.join("; ", s.authors()));
        if (fullDate(s.date())) {
          props.setCreatedProperty(Optional.of(Date.from(
              LocalDate.parse(s.date()).atTime(12, 0).toInstant(ZoneOffset.UTC))));
        }
      }
      XWPFStyles styles = doc.createStyles();
      addHeadingStyle(styles, "Heading1", "heading 1");
      addHeadingStyle(styles, "Heading2", "heading 2");
      styled(doc, "Heading1").createRun().setText(s.title());
      if (s.withMetadata() && s.byline() != null) {
        XWPFRun r = doc.createParagraph().createRun();
        r.setItalic(true);
        r.setText(s.byline());
      }
      for (Block b : s.blocks()) {
        switch (b.kind()) {
          case "h" -> styled(doc, "Heading2").createRun().setText(b.text());
          case "ul" -> b.lines().forEach(l -> doc.createParagraph().createRun().setText("- " + l));
          case "q" -> {
            XWPFParagraph p = doc.createParagraph();
            p.setIndentationLeft(720);
            XWPFRun r = p.createRun();
            r.setItalic(true);
            r.setText(b.text());
          }
          default -> doc.createParagraph().createRun().setText(b.text());
        }
      }
      doc.write(os);
    }
  }

  private static void addHeadingStyle(XWPFStyles styles, String id, String name) {
    CTStyle ct = CTStyle.Factory.newInstance();
    ct.setStyleId(id);
    ct.addNewName().setVal(name);
    ct.setType(STStyleType.PARAGRAPH);
    ct.addNewBasedOn().setVal("Normal");
    ct.addNewQFormat();
    styles.addStyle(new XWPFStyle(ct));
  }

  private static XWPFParagraph styled(XWPFDocument doc, String style) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    return p;
  }

  // ---------------------------------------------------------------- ODT

  static void writeOdt(Source s, Path target) throws IOException {
    StringBuilder body = new StringBuilder();
    body.append("<text:h text:outline-level=\"1\">").append(xml(s.title())).append("</text:h>\n");
    if (s.byline() != null) {
      body.append("<text:p>").append(xml(s.byline())).append("</text:p>\n");
    }
    for (Block b : s.blocks()) {
      switch (b.kind()) {
        case "h" -> body.append("<text:h text:outline-level=\"2\">").append(xml(b.text())).append("</text:h>\n");
        case "ul" -> {
          body.append("<text:list>\n");
          b.lines().forEach(l -> body.append("<text:list-item><text:p>").append(xml(l)).append("</text:p></text:list-item>\n"));
          body.append("</text:list>\n");
        }
        default -> body.append("<text:p>").append(xml(b.text())).append("</text:p>\n");
      }
    }
    String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + ns
        + " office:version=\"1.2\">\n<office:body>\n<office:text>\n" + body
        + "</office:text>\n</office:body>\n</office:document-content>\n";
    StringBuilder meta = new StringBuilder();
    if (s.withMetadata()) {
      meta.append("<dc:title>").append(xml(s.title())).append("</dc:title>\n");
      String authors = String.join("; ", s.authors());
      meta.append("<meta:initial-creator>").append(xml(authors)).append("</meta:initial-creator>\n");
      meta.append("<dc:creator>").append(xml(authors)).append("</dc:creator>\n");
      if (fullDate(s.date())) {
        meta.append("<meta:creation-date>").append(s.date()).append("T12:00:00</meta:creation-date>\n");
        meta.append("<dc:date>").append(s.date()).append("T12:00:00</dc:date>\n");
      }
    }
    meta.append("<meta:generator>Backfile SampleDataGenerator</meta:generator>\n");
    String metaXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " + ns
        + " office:version=\"1.2\">\n<office:meta>\n" + meta + "</office:meta>\n</office:document-meta>\n";
    String manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
         <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
         <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("content.xml", content);
    entries.put("meta.xml", metaXml);
    entries.put("META-INF/manifest.xml", manifest);
    writeZip(target, "application/vnd.oasis.opendocument.text", entries);
  }

  // ---------------------------------------------------------------- EPUB

  static void writeEpub(Source s, Path target) throws IOException {
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(xml(s.title())).append("</h1>\n");
    if (s.byline() != null) {
      body.append("<p class=\"byline\">").append(xml(s.byline())).append("</p>\n");
    }
    for (Block b : s.blocks()) {
      switch (b.kind()) {
        case "h" -> body.append("<h2>").append(xml(b.text())).append("</h2>\n");
        case "ul" -> {
          body.append("<ul>\n");
          b.lines().forEach(l -> body.append("<li>").append(xml(l)).append("</li>\n"));
          body.append("</ul>\n");
        }
        case "q" -> body.append("<blockquote><p>").append(xml(b.text())).append("</p></blockquote>\n");
        default -> body.append("<p>").append(xml(b.text())).append("</p>\n");
      }
    }
    String chapter = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><title>" + xml(s.title())
        + "</title></head>\n<body>\n" + body + "</body>\n</html>\n";
    StringBuilder dc = new StringBuilder();
    dc.append("    <dc:title>").append(xml(s.title())).append("</dc:title>\n");
    for (String a : s.authors()) {
      dc.append("    <dc:creator opf:role=\"aut\">").append(xml(a)).append("</dc:creator>\n");
    }
    if (!s.date().isEmpty()) {
      dc.append("    <dc:date opf:event=\"publication\">").append(s.date()).append("</dc:date>\n");
    }
    dc.append("    <dc:language>en</dc:language>\n");
    dc.append("    <dc:identifier id=\"bookid\">urn:backfile:sample:").append(s.name()).append("</dc:identifier>\n");
    dc.append("    <dc:publisher>Backfile sample data</dc:publisher>\n");
    String opf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"bookid\">\n"
        + "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:opf=\"http://www.idpf.org/2007/opf\">\n"
        + dc + "  </metadata>\n"
        + "  <manifest>\n"
        + "    <item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
        + "    <item id=\"chapter1\" href=\"chapter1.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
        + "  </manifest>\n"
        + "  <spine toc=\"ncx\">\n    <itemref idref=\"chapter1\"/>\n  </spine>\n</package>\n";
    String ncx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\">\n"
        + "  <head><meta name=\"dtb:uid\" content=\"urn:backfile:sample:" + s.name() + "\"/></head>\n"
        + "  <docTitle><text>" + xml(s.title()) + "</text></docTitle>\n"
        + "  <navMap><navPoint id=\"np1\" playOrder=\"1\"><navLabel><text>" + xml(s.title())
        + "</text></navLabel><content src=\"chapter1.xhtml\"/></navPoint></navMap>\n</ncx>\n";
    String container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>
        """;
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("META-INF/container.xml", container);
    entries.put("OEBPS/content.opf", opf);
    entries.put("OEBPS/toc.ncx", ncx);
    entries.put("OEBPS/chapter1.xhtml", chapter);
    writeZip(target, "application/epub+zip", entries);
  }

  /** Writes the mimetype entry first and stored (uncompressed), as ODF and EPUB require. */
  static void writeZip(Path target, String mimetype, Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mt = mimetype.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mt.length);
      first.setCompressedSize(mt.length);
      CRC32 crc = new CRC32();
      crc.update(mt);
      first.setCrc(crc.getValue());
      first.setTime(0);
      zip.putNextEntry(first);
      zip.write(mt);
      zip.closeEntry();
      for (Map.Entry<String, String> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    Files.write(target, bytes.toByteArray());
  }

  // ---------------------------------------------------------------- RTF

  static String rtf(Source s) {
    StringBuilder r = new StringBuilder();
    r.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\n{\\fonttbl{\\f0\\fswiss Helvetica;}}\n{\\info");
    if (s.withMetadata()) {
      r.append("{\\title ").append(rtfText(s.title())).append("}");
      r.append("{\\author ").append(rtfText(String.join("; ", s.authors()))).append("}");
      if (fullDate(s.date())) {
        LocalDate d = LocalDate.parse(s.date());
        r.append("{\\creatim\\yr").append(d.getYear()).append("\\mo").append(d.getMonthValue())
            .append("\\dy").append(d.getDayOfMonth()).append("\\hr12\\min0}");
      }
    }
    r.append("}\n\\f0\\fs22\n");
    r.append("\\pard\\sb0\\sa240\\b\\fs36 ").append(rtfText(s.title())).append("\\b0\\fs22\\par\n");
    if (s.byline() != null) {
      r.append("\\pard\\sa240\\i ").append(rtfText(s.byline())).append("\\i0\\par\n");
    }
    for (Block b : s.blocks()) {
      switch (b.kind()) {
        case "h" -> r.append("\\pard\\sb120\\sa120\\b\\fs26 ").append(rtfText(b.text())).append("\\b0\\fs22\\par\n");
        case "ul" -> b.lines().forEach(l -> r.append("\\pard\\li360\\sa60 - ").append(rtfText(l)).append("\\par\n"));
        case "q" -> r.append("\\pard\\li720\\sa240\\i ").append(rtfText(b.text())).append("\\i0\\par\n");
        default -> r.append("\\pard\\sa240 ").append(rtfText(b.text())).append("\\par\n");
      }
    }
    return r.append("}\n").toString();
  }

  static String rtfText(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\\' || c == '{' || c == '}') {
        b.append('\\').append(c);
      } else if (c > 127) {
        b.append("\\u").append((int) (short) c).append('?');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private SampleDataGenerator() {}
}
