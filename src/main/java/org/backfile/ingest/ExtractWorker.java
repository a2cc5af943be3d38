package org.backfile.ingest;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process that extracts files for {@link ProcessExtractor}: it reads one JSON request per
 * line on stdin ({@code {"path": "..."}}) and answers one JSON line on stdout, either
 * {@code {"articles": [...]}} or {@code {"reason": "CORRUPT", "message": "..."}}. It prints
 * {@link #READY} first, once it can take requests. Anything a parser prints goes to stderr, so the
 * answers stay readable.
 *
 * <p>Arguments: the size limit in bytes and the text limit in characters.
 */
public final class ExtractWorker {

  static final String READY = "{\"ready\":true}";
  static final Gson GSON = new Gson();

  /** One request. */
  record Request(String path) {}

  /** One answer: articles, or the reason and message of a failure. */
  record Response(List<Article> articles, String reason, String message) {}

  private ExtractWorker() {}

  public static void main(String[] args) throws IOException {
    PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    long maxBytes = Long.parseLong(args[0]);
    FileExtractor extractor = new FileExtractor(maxBytes, Integer.parseInt(args[1]));
    answers.println(READY);
    BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = requests.readLine(); line != null; line = requests.readLine()) {
      Request request = GSON.fromJson(line, Request.class);
      Response response;
      try {
        Path file = Path.of(request.path());
        // Articles come back as one answer, so a streamed collection larger than the limit cannot.
        if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
          throw new ExtractionException(FileExtractor.sourceOf(file), ExtractionException.Reason.TOO_LARGE,
              "larger than the limit of " + maxBytes / (1024 * 1024) + " MB (" + Files.size(file)
                  + " bytes); extraction processes answer with all of a file's articles at once");
        }
        response = new Response(extractor.extract(file), null, null);
      } catch (ExtractionException e) {
        response = new Response(List.of(), e.reason().name(), e.getMessage());
      } catch (java.io.IOException e) {
        response = new Response(List.of(), ExtractionException.Reason.UNREADABLE.name(), "cannot read the file: " + e);
      } catch (RuntimeException | StackOverflowError e) {
        response = new Response(List.of(), ExtractionException.Reason.CORRUPT.name(), "the parser failed: " + e);
      }
      answers.println(GSON.toJson(response));
    }
  }
}
