package org.backfile.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backfile.ingest.Article;
import org.backfile.ingest.ExtractionException;
import org.backfile.ingest.FileExtractor;
import org.backfile.web.ArticleJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Print the articles found in files, one JSON object per line per article,",
        "exactly as 'import' would index them. Nothing is written."})
final class ExtractCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to read (gzip files are read as their content).")
  List<Path> files;

  @Option(names = "--explain", description = "Add 'provenance': which rule produced each field.")
  boolean explain;

  @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    FileExtractor extractor = new FileExtractor();
    int failures = 0;
    for (Path file : files) {
      try {
        for (Article a : extractor.extract(file)) {
          spec.commandLine().getOut().println(ArticleJson.of(explain ? a : a.withoutProvenance()).toJsonLine());
        }
      } catch (ExtractionException e) {
        failures++;
        spec.commandLine().getErr().println("backfile: " + file + ": " + e.reason().label() + ": " + e.getMessage());
      }
    }
    spec.commandLine().getOut().flush();
    return failures == 0 ? Cli.OK : Cli.FAILED;
  }
}
