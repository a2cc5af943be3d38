package org.backfile.ingest;

import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts in child JVMs ({@link ExtractWorker}), one per extraction thread, so a parser that
 * loops, runs out of memory or crashes the JVM costs one file and a restart: on timeout the child
 * is killed (its CPU and memory come back, which an abandoned thread cannot give), and a child
 * that dies is replaced at the next file. Opt-in ({@code import --isolate processes}): each child
 * pays a JVM start and its own warm-up.
 */
final class ProcessExtractor implements BulkImporter.Extractor {

  private static final Logger log = LoggerFactory.getLogger(ProcessExtractor.class);
  private static final String EOF = "\u0000eof";
  /** A child gets this long to start; its first file's time limit starts after. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final List<String> command;
  private final Duration timeout;
  private final ThreadLocal<Child> current = new ThreadLocal<>();
  private final Set<Child> children = ConcurrentHashMap.newKeySet();

  /** @param command the child's command line, e.g. java -cp ... org.backfile.ingest.ExtractWorker MAX_BYTES MAX_CHARS */
  ProcessExtractor(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  @Override
  public List<Article> extract(Path file) throws ExtractionException, InterruptedException {
    String source = FileExtractor.sourceOf(file);
    Child child = child(source);
    String answer;
    try {
      child.ask(ExtractWorker.GSON.toJson(new ExtractWorker.Request(file.toAbsolutePath().toString())));
      answer = child.answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      answer = EOF; // it died before it read the request
    } catch (InterruptedException e) {
      retire(child);
      throw e;
    }
    if (answer == null) {
      retire(child);
      String limit = String.format(Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0);
      throw new ExtractionException(source, ExtractionException.Reason.TIMED_OUT,
          "extraction took longer than " + limit + " (its process was stopped)");
    }
    if (answer.equals(EOF)) {
      retire(child);
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT,
          "the extraction process died (" + child.exitDescription() + ")");
    }
    ExtractWorker.Response response;
    try {
      response = ExtractWorker.GSON.fromJson(answer, ExtractWorker.Response.class);
    } catch (JsonParseException e) {
      retire(child);
      throw new ExtractionException(source, ExtractionException.Reason.CORRUPT, "unreadable answer from the extraction process");
    }
    if (response.reason() != null) {
      throw new ExtractionException(source, ExtractionException.Reason.valueOf(response.reason()), response.message());
    }
    return response.articles() == null ? List.of() : response.articles();
  }

  private Child child(String source) throws ExtractionException, InterruptedException {
    Child child = current.get();
    if (child != null && child.process.isAlive()) return child;
    if (child != null) retire(child);
    try {
      child = new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the extraction process " + command, e);
    }
    children.add(child);
    current.set(child);
    String ready = child.answers.poll(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (!ExtractWorker.READY.equals(ready)) {
      retire(child);
      throw new ExtractionException(source, ExtractionException.Reason.UNREADABLE,
          "the extraction process did not start (" + child.exitDescription() + ")");
    }
    log.debug("started extraction process {}", child.process.pid());
    return child;
  }

  private void retire(Child child) {
    child.process.destroyForcibly();
    children.remove(child);
    if (current.get() == child) current.remove();
  }

  /** Stops every child. */
  @Override
  public void close() {
    for (Child c : children) c.process.destroyForcibly();
    children.clear();
  }

  /** A running child, its request pipe, and its answers as a reader thread receives them. */
  private static final class Child {
    final Process process;
    final Writer requests;
    final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    Child(Process process) {
      this.process = process;
      this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) answers.add(line);
        } catch (IOException e) {
          // the child was stopped; EOF below tells the waiter
        } finally {
          answers.add(EOF);
        }
      }, "backfile-extract-process-" + process.pid());
      reader.setDaemon(true);
      reader.start();
    }

    void ask(String request) throws IOException {
      answers.clear();
      requests.write(request);
      requests.write('\n');
      requests.flush();
    }

    String exitDescription() {
      try {
        if (process.waitFor(5, TimeUnit.SECONDS)) {
          return "exit code " + process.exitValue() + "; out of memory or a crash";
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "no answer";
    }
  }
}
