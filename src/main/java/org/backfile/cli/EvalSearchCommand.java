package org.backfile.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backfile.search.eval.SearchEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Ranking quality (MAP, P@10, nDCG@10) on a SMART test collection such as CACM,"
        + " Backfile next to plain Lucene BM25."})
final class EvalSearchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder holding *.all, query.text and qrels.text.")
  Path corpus;

  @Option(names = "--json", description = "Also print the scores as one JSON line, last.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return EvalCommand.runTo(spec.commandLine().getOut(), out -> SearchEval.run(corpus, out, json));
  }
}
