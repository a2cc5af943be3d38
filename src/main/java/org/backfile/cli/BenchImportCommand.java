package org.backfile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.backfile.index.ArchiveIndex;
import org.backfile.index.BareLuceneWriter;
import org.backfile.ingest.BulkImporter;
import org.backfile.ingest.FileExtractor;
import org.backfile.ingest.ImportJournal;
import org.backfile.ingest.ImportSummary;
import org.backfile.ingest.PlainTikaText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Import throughput of Backfile against a bare Tika + Lucene loop (and optionally the Solr Cell
 * harness in ../shared/peers/solr), on the same files, same threads, each into a fresh temp index,
 * in one run so that the machine's load is as alike as it gets. A benchmark that prints numbers.
 */
@Command(name = "bench-import", mixinStandardHelpOptions = true,
    description = {"Measure import throughput: Backfile's import vs a bare Tika+Lucene loop (vs Solr Cell with --solr).",
        "Each system indexes the same files into a fresh temporary index; the table gives files/s, "
            + "articles/s, MB/s, peak heap, process RSS high-water mark and index size, and the ratios."})
final class BenchImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", arity = "1", description = "Folder (or file) to import.")
  Path dir;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Threads for every system (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--solr", description = "Also run the Solr harness (run.sh import DIR) as a child process.")
  boolean solr;

  @Option(names = "--solr-harness", paramLabel = "RUN_SH", defaultValue = "../shared/peers/solr/run.sh",
      description = "The Solr harness script (default: ${DEFAULT-VALUE}).")
  Path solrHarness;

  @Option(names = "--solr-flavor", paramLabel = "FLAVOR", defaultValue = "solr8-cell",
      description = "PEER_FLAVOR for the harness: solr8-cell (real Solr Cell, default) or solr9 (client-side Tika).")
  String solrFlavor;

  @Option(names = "--solr-java-home", paramLabel = "JDK",
      description = "JAVA_HOME for the harness (default: inherited; the harness was measured on Java 17).")
  Path solrJavaHome;

  @Option(names = "--warmup", paramLabel = "FILES", defaultValue = "50",
      description = "Files parsed (untimed) by both Tika and Backfile's extractor before the first phase, so class loading "
          + "and JIT warm-up are billed to neither (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--keep", description = "Keep the temporary indexes (their paths are printed).")
  boolean keep;

  @Spec
  CommandSpec spec;

  /** CPU seconds the whole process used during a phase (all threads: GC and JIT too). */
  private record Cpu(double seconds, long articles) {
    double msPerArticle() {
      return articles > 0 ? seconds * 1000 / articles : Double.NaN;
    }
  }

  private Cpu backfileCpu;
  private Cpu bareCpu;

  private static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (threads < 1) throw new IllegalArgumentException("--threads must be 1 or more");
    List<Path> roots = List.of(dir.toAbsolutePath().normalize());
    List<Path> files = BulkImporter.listFiles(roots);
    long disk = 0;
    long raw = 0;
    for (Path f : files) {
      disk += Files.size(f);
      raw += decompressedSize(f);
    }
    out.printf(Locale.ROOT, "# bench-import %s: %d files, %.1f MB on disk, %.1f MB decompressed; threads=%d%n",
        roots.get(0), files.size(), disk / 1e6, raw / 1e6, threads);
    out.printf(Locale.ROOT, "# %s; %d cores; load average %s; max heap %.0f MB%n", javaLine(),
        Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() / 1048576.0);
    out.flush();
    Path tmp = Files.createTempDirectory("backfile-bench-import");
    ImportBenchTable table = new ImportBenchTable();
    try {
      PlainTikaText tika = new PlainTikaText();
      FileExtractor backfileExtractor = new FileExtractor();
      for (Path f : files.subList(0, Math.min(warmup, files.size()))) {
        // Both systems' extraction, so that neither pays class loading and JIT warm-up in its timed run.
        try {
          tika.extract(f);
        } catch (IOException | RuntimeException e) {
          // only warming up
        }
        try {
          backfileExtractor.extract(f);
        } catch (org.backfile.ingest.ExtractionException | RuntimeException e) {
          // only warming up
        }
      }
      table.add(backfile(files, roots, tmp.resolve("backfile"), disk, raw));
      out.println("# done: Backfile import; load " + loadAverage());
      out.flush();
      table.add(bareLoop(tika, files, roots.get(0), tmp.resolve("bare"), disk, raw));
      out.println("# done: bare Tika+Lucene loop; load " + loadAverage());
      out.flush();
      if (solr) {
        table.add(solrRow(files.size(), disk, raw, tmp.resolve("solr-home"), out));
        out.println("# done: Solr harness; load " + loadAverage());
      }
    } finally {
      if (keep) out.println("# indexes kept under " + tmp);
      else TempFolders.delete(tmp);
    }
    out.println();
    out.print(table.format());
    if (backfileCpu != null && bareCpu != null) {
      // On a shared machine wall-clock ratios follow the scheduler (a process with more runnable
      // threads gets more of the cores); CPU per article does not.
      out.printf(Locale.ROOT, "process CPU: Backfile %.1f s (%.2f ms/article), bare loop %.1f s (%.2f ms/article); "
          + "bare / Backfile CPU per article: %.2fx%n", backfileCpu.seconds(), backfileCpu.msPerArticle(),
          bareCpu.seconds(), bareCpu.msPerArticle(), bareCpu.msPerArticle() / backfileCpu.msPerArticle());
    }
    out.flush();
    return Cli.OK;
  }

  private ImportBenchTable.Row backfile(List<Path> files, List<Path> roots, Path indexDir, long disk, long raw)
      throws IOException, InterruptedException {
    BulkImporter.Options options = new BulkImporter.Options(threads, FileExtractor.DEFAULT_MAX_BYTES,
        FileExtractor.DEFAULT_MAX_CHARS, BulkImporter.Options.DEFAULT_FILE_TIMEOUT,
        BulkImporter.Options.DEFAULT_COMMIT_EVERY, false, false);
    resetPeaks();
    double cpu0 = processCpuSeconds();
    long t0 = System.nanoTime();
    ImportSummary summary;
    try (ArchiveIndex index = ArchiveIndex.openWritable(indexDir)) {
      ImportJournal journal = ImportJournal.open(index.dir(), index.commitData());
      summary = new BulkImporter(options, index, journal).run(files, roots, p -> {}, r -> {});
    } // close commits: inside the timed span
    double seconds = (System.nanoTime() - t0) / 1e9;
    backfileCpu = new Cpu(processCpuSeconds() - cpu0, summary.articles());
    String note = summary.failures().isEmpty() ? "" : summary.failures().size() + " files failed, e.g. "
        + summary.failures().get(0).source() + ": " + summary.failures().get(0).message();
    return new ImportBenchTable.Row("Backfile import (journal)", summary.imported(), summary.articles(), seconds,
        disk, raw, peakHeap(), vmHwm(), treeSize(indexDir), note);
  }

  private ImportBenchTable.Row bareLoop(PlainTikaText tika, List<Path> files, Path root, Path indexDir,
      long disk, long raw) throws Exception {
    resetPeaks();
    AtomicInteger next = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<String> firstError = new ArrayList<>();
    double cpu0 = processCpuSeconds();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (BareLuceneWriter writer = new BareLuceneWriter(indexDir)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < files.size(); ) {
            Path f = files.get(i);
            try {
              PlainTikaText.Text text = tika.extract(f);
              String id = root.equals(f) ? f.getFileName().toString() : root.relativize(f).toString();
              writer.add(id, text.title(), text.body());
              ok.incrementAndGet();
            } catch (IOException | RuntimeException e) {
              failed.incrementAndGet();
              synchronized (firstError) {
                if (firstError.isEmpty()) firstError.add(f + ": " + e.getMessage());
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> fu : futures) fu.get();
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    bareCpu = new Cpu(processCpuSeconds() - cpu0, ok.get());
    String note = failed.get() == 0 ? "" : failed.get() + " files failed, e.g. " + firstError.get(0);
    return new ImportBenchTable.Row("bare Tika+Lucene loop", ok.get(), ok.get(), seconds, disk, raw,
        peakHeap(), vmHwm(), treeSize(indexDir), note);
  }

  /** Copies the harness (sources, not its build output) to a folder of our own, once per machine. */
  static Path privateCopy(Path harness) throws IOException {
    return privateCopy(harness, Path.of(System.getProperty("java.io.tmpdir"), "backfile-solr-harness"));
  }

  /** Copies the harness's sources to {@code copy} (tests give their own folder, not the shared one). */
  static Path privateCopy(Path harness, Path copy) throws IOException {
    try (var files = Files.walk(harness)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path rel = harness.relativize(from);
        if (rel.toString().startsWith("target")) continue;
        Path to = copy.resolve(rel.toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          to.toFile().setWritable(true, true);
        }
      }
    }
    copy.toFile().setWritable(true, true);
    return copy;
  }

  private ImportBenchTable.Row solrRow(int files, long disk, long raw, Path home, PrintWriter out)
      throws IOException, InterruptedException {
    String label = "Solr harness (" + solrFlavor + ")";
    Path script = solrHarness.toAbsolutePath().normalize();
    if (!Files.isRegularFile(script)) {
      out.println("# Solr harness not found at " + script + "; skipped");
      return SolrOutput.failedRow(label, files, disk, raw, "harness not found at " + script);
    }
    // ../shared is read-only for us, but root may write anywhere and the harness builds next to
    // itself when it can: run a private copy so its build output never lands in ../shared.
    script = privateCopy(script.getParent()).resolve(script.getFileName());
    ProcessBuilder pb = new ProcessBuilder(script.toString(), "import", dir.toAbsolutePath().toString())
        .redirectErrorStream(true);
    pb.environment().put("PEER_FLAVOR", solrFlavor);
    pb.environment().put("PEER_HOME", home.toString());
    if (solrJavaHome != null) pb.environment().put("JAVA_HOME", solrJavaHome.toString());
    // The launcher's MAVEN_OPTS holds a JDK 24+ flag that an older JDK's Maven (building the
    // harness on first use) refuses to start with.
    pb.environment().remove("MAVEN_OPTS");
    String opts = pb.environment().getOrDefault("JAVA_OPTS", "");
    pb.environment().put("JAVA_OPTS", (opts + " -Dpeer.threads=" + threads).trim());
    Process p = pb.start();
    StringBuilder text = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        text.append(line).append('\n');
        out.println("  | " + line);
        out.flush();
      }
    }
    int rc = p.waitFor();
    return SolrOutput.parse(label, text.toString(), rc, files, disk, raw);
  }

  /** Parses the harness's RESULT import block. */
  static final class SolrOutput {
    private SolrOutput() {}

    static ImportBenchTable.Row parse(String label, String text, int exitCode, long files, long disk, long raw) {
      Double seconds = number(text, "(?m)^\\s*seconds\\s+([0-9.]+)");
      Double indexed = number(text, "(?m)^\\s*indexed\\s+([0-9]+)");
      Double filesSeen = number(text, "(?m)^\\s*files\\s+([0-9]+)");
      Double indexMb = number(text, "(?m)^\\s*index size\\s+([0-9.]+) MB");
      Double rssMb = number(text, "(?m)^\\s*peak RSS\\s+([0-9.]+) MB");
      Double failures = number(text, "(?m)^\\s*failures\\s+([0-9]+)");
      if (seconds == null || indexed == null) {
        return failedRow(label, files, disk, raw, "harness failed (exit " + exitCode + "): "
            + lastLines(text, 3));
      }
      String note = "seconds from the harness (first file to end of commit; JVM start and core load excluded), "
          + "RSS from /usr/bin/time of its JVM";
      if (failures != null && failures > 0) note += "; " + failures.longValue() + " failures";
      return new ImportBenchTable.Row(label, filesSeen == null ? files : filesSeen.longValue(), indexed.longValue(),
          seconds, disk, raw, -1, rssMb == null ? -1 : Math.round(rssMb * 1048576),
          indexMb == null ? -1 : Math.round(indexMb * 1e6), note);
    }

    static ImportBenchTable.Row failedRow(String label, long files, long disk, long raw, String why) {
      return new ImportBenchTable.Row(label, files, 0, Double.NaN, disk, raw, -1, -1, -1, why);
    }

    private static Double number(String text, String regex) {
      Matcher m = Pattern.compile(regex).matcher(text);
      return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static String lastLines(String text, int n) {
      String[] lines = text.strip().split("\n");
      return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
    }
  }

  private static long decompressedSize(Path f) throws IOException {
    if (!f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) return Files.size(f);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      long n = 0;
      byte[] buf = new byte[65536];
      for (int r; (r = in.read(buf)) > 0; ) n += r;
      return n;
    } catch (IOException e) {
      return Files.size(f);
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
  }

  /** Sum of the heap pools' peaks since {@link #resetPeaks} (an upper bound: pools peak at different times). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  /** The process's resident-set high-water mark (VmHWM), or -1 where /proc is missing. */
  static long vmHwm() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String javaLine() {
    return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
  }

  private static long treeSize(Path dir) throws IOException {
    if (!Files.exists(dir)) return -1;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }
}
