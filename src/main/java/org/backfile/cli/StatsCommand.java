package org.backfile.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backfile.search.ArchiveStats;
import org.backfile.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"What the index holds: articles, authors, date span, formats, size."})
final class StatsCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Mixin
  BackendOptions backend;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (OpenArchive archive = OpenArchive.readOnly(common, backend)) {
      ArchiveStats s = archive.search().stats();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.GSON.toJson(s));
      } else {
        out.printf(Locale.ROOT, "index:     %s (%.1f MB)%n", archive.where(), s.indexBytes() / 1048576.0);
        out.printf(Locale.ROOT, "articles:  %d%n", s.articles());
        out.printf(Locale.ROOT, "authors:   %d%n", s.authors());
        out.printf(Locale.ROOT, "dates:     %s%n", s.earliest() == null ? "none dated"
            : s.earliest() + " to " + s.latest());
        out.printf(Locale.ROOT, "undated:   %d%n", s.undated());
        out.printf(Locale.ROOT, "formats:   %s%n", s.formats());
      }
      out.flush();
    }
    return Cli.OK;
  }
}
