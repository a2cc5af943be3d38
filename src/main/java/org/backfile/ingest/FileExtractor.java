package org.backfile.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * The one entry point from files to articles: reads a file (gzip as its content), splits files that
 * hold many articles and opens archives ({@link ContentSniffer} tells which by content), and hands
 * single documents to the extractor for their type. One instance per thread.
 */
public final class FileExtractor {

  /** Default limits; the CLI can change them. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  public static final int DEFAULT_MAX_CHARS = 20_000_000;
  /**
   * Largest web page read: a page is parsed whole in memory (a DOM several times its size), so a
   * 200 MB "page" would exhaust a small heap; no real article comes near this.
   */
  public static final long MAX_HTML_BYTES = 32L * 1024 * 1024;

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private final long maxBytes;
  private final int maxChars;
  private final HtmlArticleExtractor html = new HtmlArticleExtractor();
  private final DocumentExtractor documents;

  public FileExtractor() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS);
  }

  public FileExtractor(long maxBytes, int maxChars) {
    this.maxBytes = maxBytes;
    this.maxChars = maxChars;
    this.documents = new DocumentExtractor(maxChars);
  }

  /** The stable source name of a file: its absolute, normalised path. */
  public static String sourceOf(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  public List<Article> extract(Path file) throws ExtractionException {
    List<Article> articles = new ArrayList<>();
    try {
      extract(file, articles::add);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException(sourceOf(file), ExtractionException.Reason.TIMED_OUT, "interrupted");
    }
    return articles;
  }

  /**
   * Hands a file's articles on one by one, in file order. A file that holds many articles (JSONL,
   * CSV, mbox, SMART, Reuters SGML) is read as a stream, record by record: it may be larger than
   * memory, so the size limit applies to each of its lines rather than to the whole file. Archives
   * and compressed files are opened in memory, within the size limit, and their articles streamed.
   */
  public void extract(Path file, ArticleStream out) throws ExtractionException, InterruptedException {
    String source = sourceOf(file);
    try {
      if (Files.isDirectory(file)) {
        throw new ExtractionException(source, ExtractionException.Reason.UNSUPPORTED, "is a folder");
      }
      long size = Files.size(file);
      if (size == 0) {
        throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the file is empty");
      }
      String name = file.getFileName().toString();
      ContentSniffer.Kind kind = ContentSniffer.sniff(head(file), name);
      if (kind.isCollection()) {
        try (InputStream in = Files.newInputStream(file)) {
          split(kind, new TextLines(in, maxBytes, source), source, out);
        }
        return;
      }
      if (size > maxBytes) {
        throw tooLarge(source, size);
      }
      if (kind == ContentSniffer.Kind.GZIP || kind == ContentSniffer.Kind.TAR) {
        streamArchive(file, kind, name, source, size, out);
        return;
      }
      if (kind != ContentSniffer.Kind.OTHER) {
        extract(Files.readAllBytes(file), name, source, 0, out);
        return;
      }
      try (TikaInputStream in = TikaInputStream.get(file)) {
        MediaType type = detect(in, name);
        if (isHtml(type)) {
          if (size > MAX_HTML_BYTES) throw tooLargePage(source, size);
          emit(htmlArticles(in.readAllBytes(), source), out);
          return;
        }
        if (isPdf(type)) {
          Optional<List<Article>> parts = PdfOutlineSplitter.split(file.toFile(), source, maxChars);
          if (parts.isPresent()) {
            emit(parts.get(), out);
            return;
          }
        }
        out.accept(documents.extract(in, name, type.toString(), source, ArticleIds.of(source, 0)));
      }
    } catch (ArchiveReader.Inflation.TooMuch e) {
      throw e.failure();
    } catch (NoSuchFileException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE, "no such file");
    } catch (AccessDeniedException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE, "permission denied");
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT,
          "broken compressed data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE,
          "could not read the file: " + e.getMessage(), e);
    }
  }

  /** Extracts content already in memory, e.g. an upload or an archive entry. */
  public List<Article> extract(byte[] content, String fileName, String source) throws ExtractionException {
    List<Article> articles = new ArrayList<>();
    try {
      extract(content, fileName, source, 0, articles::add);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException(source, ExtractionException.Reason.TIMED_OUT, "interrupted");
    }
    return articles;
  }

  /** Splits collections and opens archives (by content), else hands the file to Tika. */
  private void extract(byte[] content, String fileName, String source, int depth, ArticleStream out)
      throws ExtractionException, InterruptedException {
    if (content.length == 0) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the file is empty");
    }
    try {
      ContentSniffer.Kind kind = ContentSniffer.sniff(content, fileName);
      switch (kind) {
        case GZIP -> gunzip(content, fileName, source, depth, out);
        case ZIP -> {
          if (isPlainZip(content, fileName)) {
            ArchiveReader.read(content, true, source, depth, maxBytes, this::extract, out);
          } else {
            emit(single(content, fileName, source), out);
          }
        }
        case TAR -> ArchiveReader.read(content, false, source, depth, maxBytes, this::extract, out);
        case NEWSGROUP_POST -> out.accept(NewsgroupPostReader.read(ContentSniffer.decode(content), source,
            ArticleIds.of(source, 0)));
        case OTHER -> emit(single(content, fileName, source), out);
        default -> split(kind, TextLines.of(content, source), source, out);
      }
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT,
          "broken compressed data: " + e.getMessage(), e);
    }
  }

  /**
   * A tar or .gz file read from disk as a stream, so that only one entry (or, for a compressed
   * collection, one line) is in memory at a time: holding a whole inflated archive while its
   * articles are written made Reuters' tar.gz need more heap than holding all its articles did.
   */
  private void streamArchive(Path file, ContentSniffer.Kind kind, String name, String source, long size,
      ArticleStream out) throws IOException, ExtractionException, InterruptedException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      if (kind == ContentSniffer.Kind.TAR) {
        ArchiveReader.read(raw, false, source, 0, maxBytes, size, this::extract, out);
        return;
      }
      BufferedInputStream inflated = new BufferedInputStream(
          ArchiveReader.bounded(new GZIPInputStream(raw), size, maxBytes, source), ContentSniffer.HEAD_BYTES);
      inflated.mark(ContentSniffer.HEAD_BYTES);
      byte[] head = inflated.readNBytes(ContentSniffer.HEAD_BYTES);
      inflated.reset();
      String inner = stripGz(name);
      ContentSniffer.Kind innerKind = ContentSniffer.sniff(head, inner);
      if (innerKind == ContentSniffer.Kind.TAR) {
        ArchiveReader.read(inflated, false, source, 0, maxBytes, size, this::extract, out);
      } else if (innerKind.isCollection()) {
        split(innerKind, new TextLines(inflated, maxBytes, source), source, out);
      } else {
        extract(inflated.readAllBytes(), inner, source, 0, out); // within the inflation limits
      }
    }
  }

  /** The articles of a file of many, read from its lines. */
  private void split(ContentSniffer.Kind kind, TextLines lines, String source, ArticleStream out)
      throws ExtractionException, IOException, InterruptedException {
    switch (kind) {
      case MBOX -> MboxSplitter.split(lines, source, this::single, out);
      case SMART -> SmartCollectionSplitter.split(lines, source, out);
      case REUTERS_SGML -> ReutersSgmlSplitter.split(lines, source, out);
      case JSONL -> JsonlArticles.read(lines, source, out);
      case CSV -> CsvArticles.read(lines, source, out);
      default -> throw new IllegalArgumentException("not a collection: " + kind);
    }
  }

  private static void emit(List<Article> articles, ArticleStream out) throws InterruptedException {
    for (Article a : articles) out.accept(a);
  }

  private void gunzip(byte[] content, String fileName, String source, int depth, ArticleStream out)
      throws IOException, ExtractionException, InterruptedException {
    byte[] inflated;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      inflated = ArchiveReader.inflate(in, content.length, maxBytes, source);
    }
    extract(inflated, stripGz(fileName), source, depth, out);
  }

  /** One article through Tika (HTML through the boilerplate-removing extractor). */
  private List<Article> single(byte[] content, String fileName, String source) throws ExtractionException {
    try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(content))) {
      MediaType type = detect(in, fileName);
      String id = ArticleIds.of(source, 0);
      if (isHtml(type)) {
        if (content.length > MAX_HTML_BYTES) throw tooLargePage(source, content.length);
        return htmlArticles(content, source);
      }
      if (isPdf(type)) {
        Optional<List<Article>> parts = PdfOutlineSplitter.split(content, source, maxChars);
        if (parts.isPresent()) return parts.get();
      }
      return List.of(documents.extract(in, fileName, type.toString(), source, id));
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE,
          "could not read the file: " + e.getMessage(), e);
    }
  }

  /** An issue page split into its articles, else the page as one article. */
  private List<Article> htmlArticles(byte[] content, String source) {
    return HtmlIssueSplitter.articles(content, source, html);
  }

  private static boolean isPdf(MediaType type) {
    return type.getBaseType().toString().equals("application/pdf");
  }

  /** A zip that is only an archive, not a document packaged as one (docx, odt, epub). */
  private static boolean isPlainZip(byte[] content, String fileName) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return detect(in, fileName).getBaseType().toString().equals("application/zip");
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(ContentSniffer.HEAD_BYTES);
    }
  }

  private static MediaType detect(TikaInputStream in, String name) throws IOException {
    Metadata meta = new Metadata();
    meta.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    return DETECTOR.detect(in, meta);
  }

  private static boolean isHtml(MediaType type) {
    String base = type.getBaseType().toString();
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private ExtractionException tooLarge(String source, long size) {
    return new ExtractionException(source, ExtractionException.Reason.TOO_LARGE,
        "larger than the limit of " + maxBytes / (1024 * 1024) + " MB (" + size + " bytes or more)");
  }

  private static ExtractionException tooLargePage(String source, long size) {
    return new ExtractionException(source, ExtractionException.Reason.TOO_LARGE, "a web page larger than "
        + MAX_HTML_BYTES / (1024 * 1024) + " MB (" + size + " bytes); pages are parsed whole in memory");
  }

  private static String stripGz(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) return name.substring(0, name.length() - 3);
    if (lower.endsWith(".tgz")) return name.substring(0, name.length() - 4) + ".tar";
    return name;
  }
}
