package org.backfile.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backfile.search.eval.RelatedEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "related", mixinStandardHelpOptions = true,
    description = {"Related-article quality: precision@5 that a related post shares the newsgroup"
        + " (20 Newsgroups tar.gz), Backfile next to Lucene MoreLikeThis."})
final class EvalRelatedCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TAR_GZ", description = "The 20news-bydate.tar.gz archive.")
  Path corpus;

  @Option(names = "--json", description = "Also print the scores as one JSON line, last.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return EvalCommand.runTo(spec.commandLine().getOut(), out -> RelatedEval.run(corpus, out, json));
  }
}
