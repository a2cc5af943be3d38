package org.backfile.ingest;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import journal of one index: an append-only JSON-lines file, one {@link JournalEntry} per
 * line, the last line of a source wins.
 *
 * <p>Why it agrees with the index after a crash at any moment: lines are only appended, and a line
 * counts once the index commit that holds its source's articles has succeeded. {@link #sync()}
 * writes and fsyncs the pending lines and returns the journal's length; the caller stores that
 * length in the same index commit (Lucene commit user data, {@link #OFFSET_KEY}). On the next open
 * the file is cut back to the length the last index commit names, so lines written after it (whose
 * articles were lost with the uncommitted index changes) are dropped and those files import again.
 * A crash between the fsync and the index commit leaves extra lines, which are cut; a crash during
 * the index commit leaves the previous commit, whose length is still valid.
 *
 * <p>The journal lives in its own folder inside the index folder; Lucene ignores files it did not
 * write. Appends come from one thread; lookups may come from any.
 */
public final class ImportJournal {

  /** Commit user data key holding the journal's committed length in bytes. */
  public static final String OFFSET_KEY = "backfile.journal.length";
  static final String FOLDER = "backfile-journal";
  static final String FILE = "journal.jsonl";

  private static final Logger log = LoggerFactory.getLogger(ImportJournal.class);
  private static final Gson GSON = new Gson();
  private static final int FLUSH_AT_BYTES = 1 << 20;

  private final Path file; // null: in memory only
  private final Map<String, JournalEntry> latest = new ConcurrentHashMap<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long length;

  private ImportJournal(Path file) {
    this.file = file;
  }

  /** A journal that is not kept anywhere (for imports without an index folder, and tests). */
  public static ImportJournal inMemory() {
    return new ImportJournal(null);
  }

  /**
   * Opens the journal in an index folder, keeping only the lines the last index commit covers.
   *
   * @param committed the user data of the index's last commit
   */
  public static ImportJournal open(Path indexDir, Map<String, String> committed) throws IOException {
    Path folder = indexDir.resolve(FOLDER);
    Files.createDirectories(folder);
    ImportJournal journal = new ImportJournal(folder.resolve(FILE));
    long keep = parseLength(committed.get(OFFSET_KEY));
    try (FileChannel ch = FileChannel.open(journal.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size > keep) {
        log.info("journal: dropping {} bytes written after the last index commit", size - keep);
        ch.truncate(keep);
        ch.force(true);
      } else if (size < keep) {
        // Cannot happen when the file is fsynced before the commit; keep what there is.
        log.warn("journal {} is shorter ({} bytes) than the index commit says ({})", journal.file, size, keep);
      }
      journal.length = ch.size();
    }
    journal.load();
    return journal;
  }

  /**
   * Reads the journal of an index without changing it (for checks and reports while no import
   * runs): the lines the last index commit covers, nothing after. Appends go nowhere.
   */
  public static ImportJournal read(Path indexDir, Map<String, String> committed) throws IOException {
    ImportJournal journal = new ImportJournal(null);
    Path file = indexDir.resolve(FOLDER).resolve(FILE);
    if (!Files.exists(file)) return journal;
    long keep = parseLength(committed.get(OFFSET_KEY));
    try (InputStream in = Files.newInputStream(file)) {
      journal.load(new java.io.ByteArrayInputStream(in.readNBytes((int) Math.min(keep, Integer.MAX_VALUE - 8))), file);
    }
    return journal;
  }

  private static long parseLength(String value) {
    if (value == null) return 0;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("index commit data " + OFFSET_KEY + " is not a number: " + value, e);
    }
  }

  private void load() throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      load(in, file);
    }
  }

  private void load(InputStream in, Path from) throws IOException {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        n++;
        if (line.isBlank()) continue;
        try {
          remember(GSON.fromJson(line, JournalEntry.class));
        } catch (JsonParseException | NullPointerException e) {
          log.warn("journal {} line {} is unreadable; ignored", from, n);
        }
      }
    }
  }

  /** The latest entry for a source, or null when the journal has none (or it was removed). */
  public JournalEntry get(String source) {
    return latest.get(source);
  }

  /** Every source's latest entry (removed sources excluded). */
  public Collection<JournalEntry> entries() {
    return List.copyOf(latest.values());
  }

  /** Records an entry; it becomes durable with the next {@link #sync()} and index commit. */
  public void append(JournalEntry entry) throws IOException {
    remember(entry);
    if (file == null) return;
    pending.writeBytes(GSON.toJson(entry).getBytes(StandardCharsets.UTF_8));
    pending.write('\n');
    if (pending.size() >= FLUSH_AT_BYTES) write(false);
  }

  /**
   * Writes and fsyncs pending entries.
   *
   * @return the commit user data to store with the index commit that covers these entries
   */
  public Map<String, String> sync() throws IOException {
    if (file != null) write(true);
    return Map.of(OFFSET_KEY, Long.toString(length));
  }

  private void write(boolean force) throws IOException {
    if (pending.size() == 0 && !force) return;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(pending.toByteArray());
      while (bytes.hasRemaining()) ch.write(bytes);
      if (force) ch.force(false);
      length = ch.size();
    }
    pending.reset();
  }

  private void remember(JournalEntry e) {
    if (e.status() == JournalEntry.Status.REMOVED) {
      latest.remove(e.source());
    } else {
      latest.put(e.source(), e);
    }
  }
}
