package org.backfile.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.backfile.ingest.PartialDate;
import org.backfile.search.Hit;
import org.backfile.search.InvalidParameterException;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.SearchPage;
import org.backfile.search.SearchRequest;
import org.backfile.web.ExportWriters;
import org.backfile.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the index, e.g. backfile search 'night trains' --from 2012 --author 'Maria Keller'.",
        "Works while a server holds the index."})
final class SearchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Query words; quotes, AND/OR/NOT and field:word work.")
  List<String> words = List.of();

  @Mixin
  CommonOptions common;

  @Mixin
  BackendOptions backend;

  @Option(names = "--author", description = "Only this author's articles (exact name).")
  String author;

  @Option(names = "--from", description = "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")
  String from;

  @Option(names = "--to", description = "Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")
  String to;

  @Option(names = "--section", description = "Only this section.")
  String section;

  @Option(names = "--sort", defaultValue = "relevance", description = "relevance, newest or oldest (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(names = "--page", defaultValue = "1", description = "Page number (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--size", defaultValue = "10", description = "Results per page, 1..100 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--json", description = "Print the result page as JSON, like /api/search.")
  boolean json;

  @Option(names = "--export", paramLabel = "FORMAT",
      description = "Write every match (no page limit) as csv or jsonl, with a header saying what was run.")
  String export;

  @Option(names = "--with-body", description = "With --export: include each article's body.")
  boolean withBody;

  @Option(names = "--cursor", description = "Continue after the page that printed this cursor (deep paging).")
  String cursor;

  @Option(names = "--undated", description = "Only articles without a date.")
  boolean undated;

  @Option(names = "--tag", description = "Only articles with this tag.")
  String tag;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SearchRequest request = new SearchRequest(String.join(" ", words), author, date("from", from),
        date("to", to), section, null, null, null, tag, undated, SearchRequest.Sort.parse(sort), page, size, cursor);
    try (OpenArchive archive = OpenArchive.readOnly(common, backend)) {
      ArchiveSearch search = archive.search();
      PrintWriter out = spec.commandLine().getOut();
      if (export != null) {
        var sink = ExportWriters.forFormat(export, out, withBody);
        search.search(request.withSize(1)); // a bad query fails before the header is written
        search.export(request, sink);
        out.flush();
        return Cli.OK;
      }
      SearchPage result = search.search(request);
      if (json) {
        out.println(Json.GSON.toJson(result));
      } else {
        print(result, out);
      }
      out.flush();
    }
    return Cli.OK;
  }

  private static void print(SearchPage result, PrintWriter out) {
    out.printf("%d %s%n", result.total(), result.total() == 1 ? "match" : "matches");
    int n = (result.page() - 1) * result.size();
    for (Hit h : result.hits()) {
      out.printf("%n%d. %s%n   %s%s  [%s]%n", ++n, h.title(),
          h.authors().isEmpty() ? "" : String.join(", ", h.authors()) + ", ",
          h.published() == null ? "undated" : h.published(), h.id());
      String snippet = h.snippet().replaceAll("</?mark>", "*")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
          .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
      if (!snippet.isBlank()) out.printf("   %s%n", snippet.replaceAll("\\s+", " "));
    }
    if (result.didYouMean() != null) out.printf("%nDid you mean: %s%n", result.didYouMean());
    if (result.nextCursor() != null) out.printf("%nMore: --cursor %s%n", result.nextCursor());
  }

  private static PartialDate date(String name, String value) {
    if (value == null) return null;
    try {
      return PartialDate.parse(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(name, "--" + name + ": " + e.getMessage());
    }
  }
}
