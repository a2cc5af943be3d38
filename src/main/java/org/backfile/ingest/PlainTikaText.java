package org.backfile.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The Tika half of the import benchmark's bare loop: a file through {@link AutoDetectParser} and
 * {@link BodyContentHandler}{@code (-1)}, nothing else (no splitting, cleaning, dates or language).
 * A {@code .gz} file is gunzipped first, as the Solr harness does. Thread-safe.
 */
public final class PlainTikaText {

  /** What Tika gave for one file; {@code bytes} is what the parser read (decompressed). */
  public record Text(String title, String body, long bytes) {}

  private final AutoDetectParser parser = new AutoDetectParser();

  public Text extract(Path file) throws IOException {
    String name = file.getFileName().toString();
    boolean gz = name.toLowerCase(Locale.ROOT).endsWith(".gz");
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, gz ? name.substring(0, name.length() - 3) : name);
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        CountingStream in = new CountingStream(gz ? new GZIPInputStream(raw) : raw)) {
      parser.parse(in, handler, metadata, new ParseContext());
      String title = metadata.get(TikaCoreProperties.TITLE);
      return new Text(title == null ? "" : title, handler.toString(), in.count);
    } catch (SAXException | TikaException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
