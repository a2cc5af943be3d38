package org.backfile.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Zip and tar archives: each entry is read as a file named {@code archive.zip!/inner/path}. The
 * total inflated size is bounded, and a ratio above 100:1 is refused as a zip bomb.
 */
final class ArchiveReader {

  /** Deepest archive-in-archive that is opened. */
  static final int MAX_DEPTH = 3;
  /** Inflated-to-compressed ratio above which an archive is taken for a bomb. */
  static final long MAX_RATIO = 100;
  /** Below this much inflated data the ratio is not checked: small files of blanks compress well. */
  static final long RATIO_FREE_BYTES = 1024 * 1024;

  /** Extracts one entry; FileExtractor's in-memory path, one level deeper. */
  interface EntryReader {
    void read(byte[] content, String fileName, String source, int depth, ArticleStream out)
        throws ExtractionException, InterruptedException;
  }

  private ArchiveReader() {}

  /**
   * Hands on the articles of each readable entry once the whole entry has been read (an entry that
   * fails half-way gives none); a skipped entry is noted on the article before it.
   */
  static void read(byte[] archive, boolean zip, String source, int depth, long maxBytes,
      EntryReader entries, ArticleStream out) throws ExtractionException, InterruptedException {
    read(new ByteArrayInputStream(archive), zip, source, depth, maxBytes, archive.length, entries, out);
  }

  /**
   * The same, reading the archive as a stream (a tar on disk, or inflated from a .gz as it is read):
   * only one entry is in memory at a time.
   *
   * @param compressedSize the archive's size on disk, for the zip-bomb ratio
   */
  static void read(InputStream archive, boolean zip, String source, int depth, long maxBytes, long compressedSize,
      EntryReader entries, ArticleStream out) throws ExtractionException, InterruptedException {
    if (depth >= MAX_DEPTH) {
      throw new ExtractionException(source, ExtractionException.Reason.UNSUPPORTED,
          "archives nested more than " + MAX_DEPTH + " deep");
    }
    RecordWarnings articles = new RecordWarnings(out);
    String firstSkipped = null;
    Budget budget = new Budget(source, compressedSize, maxBytes);
    try (ArchiveInputStream<? extends ArchiveEntry> in = zip
        ? new ZipArchiveInputStream(archive)
        : new TarArchiveInputStream(archive)) {
      for (ArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory() || !in.canReadEntryData(e) || isHidden(e.getName())) continue;
        byte[] content = budget.read(in);
        if (content.length == 0) continue;
        String name = e.getName().replace('\\', '/');
        List<Article> entry = new ArrayList<>();
        try {
          entries.read(content, baseName(name), source + "!/" + name, depth + 1, entry::add);
        } catch (ExtractionException x) {
          if (x.reason() == ExtractionException.Reason.TOO_LARGE) throw x;
          String skipped = "skipped " + name + ": " + x.getMessage();
          if (firstSkipped == null) firstSkipped = skipped;
          articles.warn(skipped);
          continue;
        }
        for (Article a : entry) articles.accept(a);
      }
    } catch (Inflation.TooMuch e) {
      throw e.failure();
    } catch (IOException e) {
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT,
          "broken archive: " + e.getMessage(), e);
    }
    if (articles.count() == 0) {
      throw new ExtractionException(source, ExtractionException.Reason.EMPTY,
          firstSkipped == null ? "the archive holds no files" : "no readable file in the archive (" + firstSkipped + ")");
    }
    articles.finish();
  }

  /** Reads a whole compressed stream within the same limits (the gzip path). */
  static byte[] inflate(InputStream in, long compressedSize, long maxBytes, String source)
      throws IOException, ExtractionException {
    return new Budget(source, compressedSize, maxBytes).read(in);
  }

  /** Inflated data counted as it is read, within the same limits as {@link #inflate}. */
  static InputStream bounded(InputStream inflating, long compressedSize, long maxBytes, String source) {
    return new Inflation(inflating, new Budget(source, compressedSize, maxBytes));
  }

  /** A stream that fails with {@link TooMuch} once its budget is spent. */
  static final class Inflation extends java.io.FilterInputStream {
    /** Carries the TOO_LARGE failure through InputStream's IOException. */
    static final class TooMuch extends IOException {
      private final ExtractionException failure;

      TooMuch(ExtractionException failure) {
        super(failure.getMessage());
        this.failure = failure;
      }

      ExtractionException failure() {
        return failure;
      }
    }

    private final Budget budget;

    Inflation(InputStream in, Budget budget) {
      super(in);
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count(1);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) count(n);
      return n;
    }

    /** Skipped bytes were inflated too (commons-compress reads past entries today; a skip must count if it ever skips). */
    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) count(skipped);
      return skipped;
    }

    private void count(long n) throws TooMuch {
      try {
        budget.add(n);
      } catch (ExtractionException e) {
        throw new TooMuch(e);
      }
    }
  }

  private static boolean isHidden(String name) {
    for (String part : name.split("/")) {
      if (part.startsWith(".") || part.equals("__MACOSX")) return true;
    }
    return false;
  }

  private static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** Inflated bytes so far, against the size limit and the ratio limit. */
  private static final class Budget {
    private final String source;
    private final long compressed;
    private final long maxBytes;
    private long total;

    Budget(String source, long compressed, long maxBytes) {
      this.source = source;
      this.compressed = Math.max(1, compressed);
      this.maxBytes = maxBytes;
    }

    byte[] read(InputStream in) throws IOException, ExtractionException {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        add(n);
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }

    void add(long n) throws ExtractionException {
      total += n;
      if (total > maxBytes || (total > RATIO_FREE_BYTES && total > compressed * MAX_RATIO)) {
        throw new ExtractionException(source, ExtractionException.Reason.TOO_LARGE,
            "looks like a zip bomb: more than " + total + " bytes inflated from " + compressed
                + " (limits " + maxBytes + " bytes, " + MAX_RATIO + ":1)");
      }
    }
  }
}
