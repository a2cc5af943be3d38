package org.backfile.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backfile.ingest.eval.ExtractionEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extraction", mixinStandardHelpOptions = true,
    description = {"Article-extraction quality on public benchmarks (scrapinghub, trafilatura-eval,",
        "readability test pages, CleanEval), Backfile next to Tika text and Tika Boilerpipe."})
final class EvalExtractionCommand implements Callable<Integer> {

  @Parameters(paramLabel = "CORPUS_DIR", arity = "1..*",
      description = "Corpus folders as shipped in ../shared/corpora (each is recognised by its files).")
  List<Path> corpora;

  @Option(names = "--json", description = "Also print the scores as one JSON line, last.")
  boolean json;

  @Option(names = "--dump", paramLabel = "DIR", description = "Write per-page scores (TSV) here, to study misses.")
  Path dump;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return EvalCommand.runTo(spec.commandLine().getOut(), out -> ExtractionEval.run(corpora, out, json, dump));
  }
}
