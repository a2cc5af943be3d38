package org.backfile.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports files and folders: extraction runs on several threads, one thread writes to the sink, and
 * a bounded queue between them keeps memory flat whatever the number of files. A file that fails is
 * recorded with its reason and the import carries on.
 */
public final class BulkImporter {

  private static final Logger log = LoggerFactory.getLogger(BulkImporter.class);
  private static final int QUEUE_PER_THREAD = 4;

  /** Import settings. */
  public record Options(int threads, long maxFileBytes, int maxChars) {
    public Options {
      if (threads < 1) throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), FileExtractor.DEFAULT_MAX_BYTES,
          FileExtractor.DEFAULT_MAX_CHARS);
    }
  }

  /** Progress as it happens, for a progress bar or log lines. */
  public record Progress(long filesDone, long articles, long failures) {}

  private sealed interface Outcome permits Extracted, Failed, Done {}

  private record Extracted(String source, List<Article> articles) implements Outcome {}

  private record Failed(ImportFailure failure) implements Outcome {}

  private record Done() implements Outcome {}

  private final Options options;
  private final ArticleSink sink;
  private final ThreadLocal<FileExtractor> extractors;

  public BulkImporter(Options options, ArticleSink sink) {
    this.options = options;
    this.sink = sink;
    this.extractors = ThreadLocal.withInitial(() -> new FileExtractor(options.maxFileBytes(), options.maxChars()));
  }

  /**
   * Lists the files under the given paths, sorted, skipping hidden files and folders and what a
   * folder's {@code .backfileignore} names.
   */
  public static List<Path> listFiles(List<Path> roots) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or folder");
      }
      if (Files.isRegularFile(root)) {
        files.add(root);
        continue;
      }
      IgnoreRules ignore = IgnoreRules.read(root);
      try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !isHidden(root.relativize(p)) && !ignore.ignores(root.relativize(p)))
            .sorted()
            .forEach(files::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return files;
  }

  public ImportSummary run(List<Path> files, Consumer<Progress> progress) throws IOException, InterruptedException {
    long started = System.nanoTime();
    BlockingQueue<Outcome> queue = new ArrayBlockingQueue<>(options.threads() * QUEUE_PER_THREAD);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "backfile-extract");
      t.setDaemon(true);
      return t;
    });
    AtomicLong next = new AtomicLong();
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      workers.add(pool.submit(() -> {
        try {
          for (long n = next.getAndIncrement(); n < files.size(); n = next.getAndIncrement()) {
            queue.put(extract(files.get((int) n)));
          }
        } finally {
          queue.put(new Done());
        }
        return null;
      }));
    }
    List<ImportFailure> failures = Collections.synchronizedList(new ArrayList<>());
    long filesDone = 0;
    long articles = 0;
    int running = options.threads();
    try {
      while (running > 0) {
        Outcome o = queue.take();
        switch (o) {
          case Done d -> running--;
          case Failed f -> {
            filesDone++;
            failures.add(f.failure());
            log.warn("skipped {}: {} ({})", f.failure().source(), f.failure().message(), f.failure().reason().label());
          }
          case Extracted e -> {
            filesDone++;
            sink.replace(e.source(), e.articles());
            articles += e.articles().size();
          }
        }
        if (!(o instanceof Done)) progress.accept(new Progress(filesDone, articles, failures.size()));
      }
      sink.commit();
    } finally {
      pool.shutdownNow();
    }
    for (Future<?> w : workers) {
      try {
        w.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("extraction worker failed", e.getCause());
      }
    }
    return new ImportSummary(filesDone, articles, failures, Duration.ofNanos(System.nanoTime() - started));
  }

  private Outcome extract(Path file) {
    try {
      List<Article> articles = extractors.get().extract(file);
      return new Extracted(FileExtractor.sourceOf(file), articles);
    } catch (ExtractionException e) {
      log.debug("extraction of {} failed", file, e);
      return new Failed(new ImportFailure(e.source(), e.reason(), e.getMessage()));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A parser bug must not end the import: record it as a corrupt file and go on.
      log.debug("parser failed on {}", file, e);
      return new Failed(new ImportFailure(FileExtractor.sourceOf(file), ExtractionException.Reason.CORRUPT,
          "the parser failed: " + e));
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }
}
