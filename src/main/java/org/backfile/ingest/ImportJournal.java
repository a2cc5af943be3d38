package org.backfile.ingest;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
 * writes and fsyncs the pending lines and returns the journal's file name and length; the caller
 * stores them in the same index commit (Lucene commit user data, {@link #FILE_KEY} and
 * {@link #LENGTH_KEY}). On the next open the file is cut back to the length the last index commit
 * names, so lines written after it (whose articles were lost with the uncommitted index changes)
 * are dropped and those files import again. A crash between the fsync and the index commit leaves
 * extra lines, which are cut; a crash during the index commit leaves the previous commit, whose
 * length is still valid.
 *
 * <p>{@link #compactIfWorthIt()} rewrites the live entries to a new file; the switch to it happens
 * with the next index commit, like any other change, and files no commit names are deleted on open.
 *
 * <p>The journal lives in its own folder inside the index folder; Lucene ignores files it did not
 * write. Appends come from one thread; lookups may come from any.
 */
public final class ImportJournal {

  /** Commit user data keys: the journal file's name and its committed length in bytes. */
  public static final String FILE_KEY = "backfile.journal.file";
  public static final String LENGTH_KEY = "backfile.journal.length";
  static final String FOLDER = "backfile-journal";
  static final String FIRST_FILE = "journal-0.jsonl";

  private static final Logger log = LoggerFactory.getLogger(ImportJournal.class);
  private static final Gson GSON = new Gson();
  private static final int FLUSH_AT_BYTES = 1 << 20;
  /** Compact when there are this many more lines than live entries, and at least twice as many. */
  private static final long COMPACT_AT_DEAD_LINES = 100_000;

  private final Path folder; // null: in memory only
  private final Map<String, JournalEntry> latest = new ConcurrentHashMap<>();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private Path file;
  private long length;
  private long lines;

  private ImportJournal(Path folder, Path file) {
    this.folder = folder;
    this.file = file;
  }

  /** A journal that is not kept anywhere (for imports without an index folder, and tests). */
  public static ImportJournal inMemory() {
    return new ImportJournal(null, null);
  }

  /**
   * Opens the journal in an index folder, keeping only the lines the last index commit covers, and
   * deleting journal files no commit names.
   *
   * @param committed the user data of the index's last commit
   */
  public static ImportJournal open(Path indexDir, Map<String, String> committed) throws IOException {
    Path folder = indexDir.resolve(FOLDER);
    Files.createDirectories(folder);
    ImportJournal journal = new ImportJournal(folder, folder.resolve(fileName(committed)));
    long keep = parseLength(committed.get(LENGTH_KEY));
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
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "journal*.jsonl")) {
      for (Path f : files) {
        if (!f.equals(journal.file)) Files.delete(f); // replaced by a compaction, or one never committed
      }
    }
    fsyncFolder(folder); // the file's name must survive a crash as well as its bytes
    fsyncFolder(indexDir);
    try (InputStream in = Files.newInputStream(journal.file)) {
      journal.load(in, journal.file);
    }
    return journal;
  }

  /**
   * Reads the journal of an index without changing it (for checks and reports while no import
   * runs): the lines the last index commit covers, nothing after. Appends go nowhere.
   */
  public static ImportJournal read(Path indexDir, Map<String, String> committed) throws IOException {
    ImportJournal journal = inMemory();
    Path file = indexDir.resolve(FOLDER).resolve(fileName(committed));
    if (!Files.exists(file)) return journal;
    long keep = parseLength(committed.get(LENGTH_KEY));
    try (InputStream in = Files.newInputStream(file)) {
      journal.load(new ByteArrayInputStream(in.readNBytes((int) Math.min(keep, Integer.MAX_VALUE - 8))), file);
    }
    return journal;
  }

  private static String fileName(Map<String, String> committed) {
    String name = committed.getOrDefault(FILE_KEY, FIRST_FILE);
    if (!name.matches("journal-[0-9]+\\.jsonl")) {
      throw new IllegalStateException("index commit data " + FILE_KEY + " is not a journal file name: " + name);
    }
    return name;
  }

  private static long parseLength(String value) {
    if (value == null) return 0;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("index commit data " + LENGTH_KEY + " is not a number: " + value, e);
    }
  }

  private void load(InputStream in, Path from) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        n++;
        if (line.isBlank()) continue;
        try {
          remember(GSON.fromJson(line, JournalEntry.class));
          lines++;
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
    lines++;
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
    if (file == null) return Map.of();
    write(true);
    return Map.of(FILE_KEY, file.getFileName().toString(), LENGTH_KEY, Long.toString(length));
  }

  /**
   * Rewrites the live entries to a new file when most lines are superseded; the next {@link #sync()}
   * names the new file. Call it when nothing is pending (between commits).
   *
   * @return whether it compacted
   */
  public boolean compactIfWorthIt() throws IOException {
    long dead = lines - latest.size();
    if (dead < COMPACT_AT_DEAD_LINES || dead < latest.size()) return false;
    compact();
    return true;
  }

  void compact() throws IOException {
    if (file == null) return;
    if (pending.size() > 0) throw new IllegalStateException("compact between commits, not with entries pending");
    String name = file.getFileName().toString();
    long generation = Long.parseLong(name.substring("journal-".length(), name.length() - ".jsonl".length()));
    Path next = folder.resolve("journal-" + (generation + 1) + ".jsonl");
    Path old = file;
    file = next;
    length = 0;
    Files.deleteIfExists(next);
    Files.createFile(next);
    lines = 0;
    for (JournalEntry e : latest.values()) append(e);
    write(true);
    fsyncFolder(folder);
    log.info("journal compacted: {} -> {} ({} entries)", old.getFileName(), next.getFileName(), latest.size());
  }

  private void write(boolean force) throws IOException {
    if (pending.size() == 0 && !force) return;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(pending.toByteArray());
      while (bytes.hasRemaining()) ch.write(bytes);
      if (force) ch.force(true);
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

  private static void fsyncFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      log.debug("cannot fsync folder {} (not supported on every system)", folder, e);
    }
  }
}
