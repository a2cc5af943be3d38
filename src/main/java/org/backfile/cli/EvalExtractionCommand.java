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

  @Option(names = "--system", paramLabel = "NAME",
      description = "Run only this system (backfile, tika-text, tika-boilerpipe); repeatable. Default: all.")
  List<String> systems = new java.util.ArrayList<>();

  @Option(names = "--passes", paramLabel = "N", defaultValue = "1",
      description = "Read each corpus N times per system (alternating systems); pages/s is then the median of the warm passes 2..N. Default: ${DEFAULT-VALUE}.")
  int passes;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ExtractionEval.Options options;
    try {
      options = new ExtractionEval.Options(json, dump, systems, passes);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return EvalCommand.runTo(spec.commandLine().getOut(), out -> ExtractionEval.run(corpora, out, options));
  }
}
