package org.backfile.ingest.eval;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backfile eval extraction CORPUS_DIR...}: scores Backfile's HTML extractor against the
 * corpora as shipped, next to Tika's plain text and Tika's Boilerpipe handler, in one run and on
 * one thread. Full-body corpora get the shingle metric ({@link ShingleScore}); snippet corpora the
 * trafilatura metric ({@link SnippetScore}) and exact-match metadata accuracy
 * ({@link MetadataMatch}).
 */
public final class ExtractionEval {

  /** One system on one corpus. */
  public record Row(String corpus, String system, int pages, double precision, double recall,
      double f1, double accuracy, double pagesPerSecond, double cpuPagesPerSecond, int errors, Double title, Double author,
      Double date, int titlePages, int authorPages, int datePages) {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ExtractionEval() {}

  /**
   * How to run.
   *
   * @param dumpDir when not null, one TSV per corpus and system with each page's scores, to look
   *     at the misses
   * @param systems names of the systems to run ({@code backfile}, {@code tika-text},
   *     {@code tika-boilerpipe}); empty means all
   * @param passes how many times each system reads each corpus; scores come from the first pass,
   *     pages/s from the median of the later (warm) passes when there are any. Passes alternate
   *     between systems, so that a change in the machine's load hits them alike.
   */
  public record Options(boolean json, Path dumpDir, List<String> systems, int passes) {
    public Options {
      systems = List.copyOf(systems);
      if (passes < 1 || passes > 50) {
        throw new IllegalArgumentException("passes must be 1..50, got " + passes);
      }
      List<String> known = Extractors.all().stream().map(Extractors.System::name).toList();
      for (String s : systems) {
        if (!known.contains(s)) {
          throw new IllegalArgumentException("unknown system " + s + "; known: " + known);
        }
      }
    }
  }

  /** Runs every corpus; returns 0, or 2 when a corpus is missing or unreadable. */
  public static int run(List<Path> corpusDirs, PrintStream out, boolean json) {
    return run(corpusDirs, out, json, null);
  }

  public static int run(List<Path> corpusDirs, PrintStream out, boolean json, Path dumpDir) {
    return run(corpusDirs, out, new Options(json, dumpDir, List.of(), 1));
  }

  public static int run(List<Path> corpusDirs, PrintStream out, Options options) {
    boolean json = options.json();
    Path dumpDir = options.dumpDir();
    List<Extractors.System> systems = Extractors.all().stream()
        .filter(s -> options.systems().isEmpty() || options.systems().contains(s.name())).toList();
    List<Row> rows = new ArrayList<>();
    int status = 0;
    for (Path dir : corpusDirs) {
      EvalCorpus corpus;
      try {
        corpus = EvalCorpus.load(dir);
      } catch (IOException | RuntimeException e) {
        out.println("cannot read corpus " + dir + ": " + e.getMessage());
        status = 2;
        continue;
      }
      List<Row> corpusRows = new ArrayList<>();
      for (Extractors.System system : systems) {
        corpusRows.add(score(corpus, system, dumpDir));
      }
      if (options.passes() > 1) {
        corpusRows = withWarmSpeed(corpus, systems, corpusRows, options.passes());
      }
      for (Row r : corpusRows) {
        rows.add(r);
        if (!json) {
          print(out, r, rows.size() == 1);
        }
      }
    }
    if (json) {
      out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
          .create().toJson(rows));
    }
    return status;
  }

  /** The rows with pages/s replaced by the median of passes 2..n, systems alternating. */
  private static List<Row> withWarmSpeed(EvalCorpus corpus, List<Extractors.System> systems,
      List<Row> rows, int passes) {
    List<List<Double>> speeds = new ArrayList<>();
    List<List<Double>> cpuSpeeds = new ArrayList<>();
    systems.forEach(s -> speeds.add(new ArrayList<>()));
    systems.forEach(s -> cpuSpeeds.add(new ArrayList<>()));
    for (int pass = 1; pass < passes; pass++) {
      for (int i = 0; i < systems.size(); i++) {
        double[] pps = pagesPerSecond(corpus, systems.get(i));
        speeds.get(i).add(pps[0]);
        cpuSpeeds.get(i).add(pps[1]);
      }
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.add(new Row(r.corpus(), r.system(), r.pages(), r.precision(), r.recall(), r.f1(),
          r.accuracy(), median(speeds.get(i)), median(cpuSpeeds.get(i)), r.errors(), r.title(),
          r.author(), r.date(), r.titlePages(), r.authorPages(), r.datePages()));
    }
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> v = values.stream().sorted().toList();
    return v.size() % 2 == 1 ? v.get(v.size() / 2)
        : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
  }

  /**
   * Extraction only, no scoring: pages per second of wall-clock time, and per second of this
   * thread's CPU time. On a shared machine the wall clock also counts the time other jobs held
   * the core; the CPU time does not (it leaves out the JIT and GC threads, which a free second
   * core would run alongside).
   */
  private static double[] pagesPerSecond(EvalCorpus corpus, Extractors.System system) {
    long t0 = System.nanoTime();
    long c0 = CPU.getCurrentThreadCpuTime();
    for (EvalCorpus.EvalPage page : corpus.pages()) {
      try {
        system.extract(page.html(), page.url());
      } catch (Exception | StackOverflowError e) {
        // counted as an error in the scored pass
      }
    }
    long cpu = CPU.getCurrentThreadCpuTime() - c0;
    int n = corpus.pages().size();
    return new double[] {n / ((System.nanoTime() - t0) / 1e9), cpu <= 0 ? 0 : n / (cpu / 1e9)};
  }

  static Row score(EvalCorpus corpus, Extractors.System system, Path dumpDir) {
    ShingleScore shingles = new ShingleScore();
    SnippetScore snippets = new SnippetScore();
    int[] title = new int[2];
    int[] author = new int[2];
    int[] date = new int[2];
    int errors = 0;
    long nanos = 0;
    long cpuNanos = 0;
    List<String> dump = new ArrayList<>();
    for (EvalCorpus.EvalPage page : corpus.pages()) {
      Extractors.Output o;
      long t0 = System.nanoTime();
      long c0 = CPU.getCurrentThreadCpuTime();
      try {
        o = system.extract(page.html(), page.url());
      } catch (Exception | StackOverflowError e) {
        o = new Extractors.Output("", null, null, null);
        errors++;
      }
      nanos += System.nanoTime() - t0;
      cpuNanos += CPU.getCurrentThreadCpuTime() - c0;
      String line = page.name();
      if (corpus.kind() == EvalCorpus.Kind.FULL_BODY) {
        ShingleScore.Page p = shingles.add(page.body(), o.body());
        line += String.format(Locale.ROOT, "\t%.3f\t%.3f", p.precision(), p.recall());
      } else {
        int[] c = snippets.add(page.with(), page.without(), o.body());
        line += "\t" + c[0] + "\t" + c[1] + "\t" + c[2];
      }
      if (page.title() != null && !page.title().isBlank() && o.title() != null) {
        count(title, MetadataMatch.title(page.title(), o.title()));
        line += "\tT:" + MetadataMatch.title(page.title(), o.title()) + "\t" + o.title() + "\t" + page.title();
      }
      if (page.author() != null && o.authors() != null) {
        count(author, MetadataMatch.author(page.author(), o.authors()));
        line += "\tA:" + MetadataMatch.author(page.author(), o.authors()) + "\t" + o.authors() + "\t" + page.author();
      }
      if (page.date() != null && corpus.kind() == EvalCorpus.Kind.SNIPPETS
          && system.name().equals("backfile")) {
        count(date, MetadataMatch.date(page.date(), o.date()));
        line += "\tD:" + MetadataMatch.date(page.date(), o.date()) + "\t" + o.date() + "\t" + page.date();
      }
      dump.add(line);
    }
    if (dumpDir != null) {
      try {
        Files.createDirectories(dumpDir);
        Files.write(dumpDir.resolve(corpus.name() + "." + system.name() + ".tsv"), dump,
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    int n = corpus.pages().size();
    double pps = nanos == 0 ? 0 : n / (nanos / 1e9);
    double cpuPps = cpuNanos <= 0 ? 0 : n / (cpuNanos / 1e9);
    if (corpus.kind() == EvalCorpus.Kind.FULL_BODY) {
      ShingleScore.Summary s = shingles.summary();
      return new Row(corpus.name(), system.name(), n, s.precision(), s.recall(), s.f1(),
          s.accuracy(), pps, cpuPps, errors, share(title), share(author), share(date), title[1], author[1],
          date[1]);
    }
    return new Row(corpus.name(), system.name(), n, snippets.precision(), snippets.recall(),
        snippets.f1(), snippets.accuracy(), pps, cpuPps, errors, share(title), share(author), share(date),
        title[1], author[1], date[1]);
  }

  private static void count(int[] c, boolean ok) {
    c[0] += ok ? 1 : 0;
    c[1]++;
  }

  private static Double share(int[] c) {
    return c[1] == 0 ? null : (double) c[0] / c[1];
  }

  private static void print(PrintStream out, Row r, boolean header) {
    if (header) {
      out.printf(Locale.ROOT, "%-32s %-16s %6s %7s %7s %7s %7s %8s %9s %6s %-24s%n", "corpus",
          "system", "pages", "P", "R", "F1", "acc", "pages/s", "cpu p/s", "errors",
          "title / author / date");
    }
    out.printf(Locale.ROOT, "%-32s %-16s %6d %7.3f %7.3f %7.3f %7.3f %8.1f %9.1f %6d %s%n",
        r.corpus(), r.system(), r.pages(), r.precision(), r.recall(), r.f1(), r.accuracy(),
        r.pagesPerSecond(), r.cpuPagesPerSecond(), r.errors(), meta(r));
  }

  private static String meta(Row r) {
    List<String> parts = new ArrayList<>();
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("title", r.title());
    m.put("author", r.author());
    m.put("date", r.date());
    int[] counts = {r.titlePages(), r.authorPages(), r.datePages()};
    int i = 0;
    for (Map.Entry<String, Double> e : m.entrySet()) {
      if (e.getValue() != null) {
        parts.add(String.format(Locale.ROOT, "%s %.1f%% (%d)", e.getKey(), e.getValue() * 100,
            counts[i]));
      }
      i++;
    }
    return String.join(", ", parts);
  }

  /**
   * Without the jar: {@code ExtractionEval [--json] [--dump DIR] [--system NAME]... [--passes N]
   * CORPUS_DIR...}.
   */
  public static void main(String[] args) {
    boolean json = false;
    Path dump = null;
    List<String> systems = new ArrayList<>();
    int passes = 1;
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--json")) {
        json = true;
      } else if (args[i].equals("--dump") && i + 1 < args.length) {
        dump = Path.of(args[++i]);
      } else if (args[i].equals("--system") && i + 1 < args.length) {
        systems.add(args[++i]);
      } else if (args[i].equals("--passes") && i + 1 < args.length) {
        passes = Integer.parseInt(args[++i]);
      } else {
        dirs.add(Path.of(args[i]));
      }
    }
    if (dirs.isEmpty()) {
      System.err.println("usage: ExtractionEval [--json] [--dump DIR] [--system NAME]... [--passes N] CORPUS_DIR...");
      System.exit(2);
    }
    System.exit(run(dirs, System.out, new Options(json, dump, systems, passes)));
  }
}
