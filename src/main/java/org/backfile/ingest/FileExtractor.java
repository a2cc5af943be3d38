package org.backfile.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * The one entry point from files to articles: reads a file (gzip as its content), detects its type
 * and hands it to the extractor for that type. One instance per thread.
 */
public final class FileExtractor {

  /** Default limits; the CLI can change them. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  public static final int DEFAULT_MAX_CHARS = 20_000_000;

  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private final long maxBytes;
  private final HtmlArticleExtractor html = new HtmlArticleExtractor();
  private final DocumentExtractor documents;

  public FileExtractor() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS);
  }

  public FileExtractor(long maxBytes, int maxChars) {
    this.maxBytes = maxBytes;
    this.documents = new DocumentExtractor(maxChars);
  }

  /** The stable source name of a file: its absolute, normalised path. */
  public static String sourceOf(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  public List<Article> extract(Path file) throws ExtractionException {
    String source = sourceOf(file);
    try {
      if (Files.isDirectory(file)) {
        throw new ExtractionException(source, ExtractionException.Reason.UNSUPPORTED, "is a folder");
      }
      long size = Files.size(file);
      if (size == 0) {
        throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the file is empty");
      }
      if (size > maxBytes) {
        throw tooLarge(source, size);
      }
      String name = file.getFileName().toString();
      if (isGzip(file)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          byte[] content = readBounded(in, source);
          return extract(content, stripGz(name), source);
        }
      }
      try (TikaInputStream in = TikaInputStream.get(file)) {
        MediaType type = detect(in, name);
        if (isHtml(type)) {
          return List.of(html.extract(in.readAllBytes(), source, ArticleIds.of(source, 0)));
        }
        return List.of(documents.extract(in, name, type.toString(), source, ArticleIds.of(source, 0)));
      }
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
    if (content.length == 0) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY, "the file is empty");
    }
    try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(content))) {
      MediaType type = detect(in, fileName);
      String id = ArticleIds.of(source, 0);
      if (isHtml(type)) {
        return List.of(html.extract(content, source, id));
      }
      return List.of(documents.extract(in, fileName, type.toString(), source, id));
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE,
          "could not read the file: " + e.getMessage(), e);
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

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private byte[] readBounded(InputStream in, String source) throws IOException, ExtractionException {
    byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > maxBytes) {
      // Decompressed data larger than the limit: a zip bomb or simply too big; either way refused.
      throw tooLarge(source, bytes.length);
    }
    return bytes;
  }

  private ExtractionException tooLarge(String source, long size) {
    return new ExtractionException(source, ExtractionException.Reason.TOO_LARGE,
        "larger than the limit of " + maxBytes / (1024 * 1024) + " MB (" + size + " bytes or more)");
  }

  private static String stripGz(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) return name.substring(0, name.length() - 3);
    if (lower.endsWith(".tgz")) return name.substring(0, name.length() - 4) + ".tar";
    return name;
  }
}
