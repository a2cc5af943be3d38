package org.backfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through {@link Cli#run}, as a user types it. */
class CliTest {

  @TempDir
  Path dir;

  private Path docs;
  private Path index;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void writeFiles() throws Exception {
    docs = Files.createDirectories(dir.resolve("docs"));
    index = dir.resolve("index");
    Files.writeString(docs.resolve("kites.txt"), "Kites Over the Harbour\nBy Ana Ruiz\nMay 3, 2013\n\nThe kite festival filled the harbour sky.\n");
    Files.writeString(docs.resolve("boats.txt"), "Wooden Boats\nBy Ben Okoro\n\nA wooden boat needs varnish every spring.\n");
  }

  @Test
  void extractPrintsOneJsonRecordPerArticleWithEveryField() {
    Result r = run("extract", docs.resolve("kites.txt").toString());
    assertEquals(0, r.code(), r.err());
    JsonObject a = JsonParser.parseString(r.out().strip()).getAsJsonObject();
    for (String key : new String[] {"source", "id", "title", "authors", "published", "publishedPrecision",
        "publication", "section", "tags", "url", "language", "summary", "body", "contentType", "warnings"}) {
      assertTrue(a.has(key), key);
    }
    assertEquals("Kites Over the Harbour", a.get("title").getAsString());
    assertEquals("2013-05-03", a.get("published").getAsString());
    assertEquals("day", a.get("publishedPrecision").getAsString());
    assertFalse(a.has("provenance") && !a.get("provenance").isJsonNull());
  }

  @Test
  void extractExplainAddsProvenance() {
    Result r = run("extract", "--explain", docs.resolve("kites.txt").toString());
    JsonObject a = JsonParser.parseString(r.out().strip()).getAsJsonObject();
    assertEquals("byline", a.getAsJsonObject("provenance").get("authors").getAsString());
  }

  @Test
  void importThenSearchThenStats() {
    Result imported = run("import", "--quiet", "--index", index.toString(), docs.toString());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().contains("Imported 2 articles from 2 files"), imported.out());

    Result found = run("search", "--index", index.toString(), "kite");
    assertEquals(0, found.code(), found.err());
    assertTrue(found.out().startsWith("1 match"), found.out());
    assertTrue(found.out().contains("Kites Over the Harbour"), found.out());

    Result json = run("search", "--index", index.toString(), "--json", "--author", "Ben Okoro");
    assertEquals(1, JsonParser.parseString(json.out()).getAsJsonObject().get("total").getAsInt());

    Result stats = run("stats", "--index", index.toString());
    assertTrue(stats.out().contains("articles:  2"), stats.out());
    assertTrue(stats.out().contains("undated:   1"), stats.out());
  }

  @Test
  void optimizeMergesTheIndexAndSearchesAnswerTheSame() throws Exception {
    run("import", "--quiet", "--index", index.toString(), docs.resolve("kites.txt").toString());
    run("import", "--quiet", "--index", index.toString(), docs.resolve("boats.txt").toString());
    Result before = run("search", "--index", index.toString(), "--json", "wooden OR kite");

    Result optimized = run("optimize", "--index", index.toString());
    assertEquals(0, optimized.code(), optimized.err());
    assertTrue(optimized.out().matches("(?s)Merged .* from [2-9] segments .* into 1 \\(.*"), optimized.out());
    assertEquals(before.out(), run("search", "--index", index.toString(), "--json", "wooden OR kite").out());

    Files.writeString(docs.resolve("gulls.txt"), "Gulls\nBy Ana Ruiz\n\nGulls nest on the harbour wall.\n");
    Result importedAndMerged = run("import", "--quiet", "--optimize", "--index", index.toString(),
        docs.resolve("gulls.txt").toString());
    assertEquals(0, importedAndMerged.code(), importedAndMerged.err());
    assertTrue(importedAndMerged.out().contains("from 2 segments"), importedAndMerged.out());
    assertTrue(importedAndMerged.out().contains("into 1 ("), importedAndMerged.out());
    assertEquals(3, JsonParser.parseString(run("stats", "--json", "--index", index.toString()).out())
        .getAsJsonObject().get("articles").getAsInt());

    Result onSolr = run("import", "--optimize", "--backend", "solr", "--solr-url", "http://127.0.0.1:9/solr",
        docs.toString());
    assertEquals(2, onSolr.code(), onSolr.out() + onSolr.err());
    assertTrue(onSolr.err().contains("a Solr collection is merged by Solr itself"), onSolr.err());

    Result wrong = run("optimize", "--segments", "0", "--index", index.toString());
    assertEquals(2, wrong.code());
    assertTrue(wrong.err().contains("--segments must be at least 1"), wrong.err());
  }

  @Test
  void serveOnAnIndexInUseSaysSoAndStops() throws Exception {
    run("import", "--quiet", "--index", index.toString(), docs.toString());
    try (var holder = org.backfile.index.ArchiveIndex.openWritable(index)) {
      Result r = run("serve", "--port", "0", "--index", index.toString());
      assertEquals(2, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("in use by another Backfile process"), r.err());
      assertFalse(r.out().contains("Backfile is serving"), r.out());
    }
  }

  @Test
  void reimportingDoesNotDuplicate() {
    run("import", "--quiet", "--index", index.toString(), docs.toString());
    run("import", "--quiet", "--index", index.toString(), docs.toString());
    Result stats = run("stats", "--json", "--index", index.toString());
    assertEquals(2, JsonParser.parseString(stats.out()).getAsJsonObject().get("articles").getAsInt());
  }

  @Test
  void importReportsFailedFilesAndExitsWithOne() throws Exception {
    Files.write(docs.resolve("empty.html"), new byte[0]);
    Result r = run("import", "--quiet", "--index", index.toString(), docs.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("1 files failed: {empty=1}"), r.out());
    assertTrue(r.out().contains("empty.html: the file is empty (empty)"), r.out());
  }

  @Test
  void reportListsFailuresAsJsonLinesAndEarlierFailuresStayReported() throws Exception {
    Files.write(docs.resolve("empty.html"), new byte[0]);
    Path report = dir.resolve("out/report.jsonl");
    run("import", "--quiet", "--index", index.toString(), docs.toString());

    Result again = run("import", "--quiet", "--report", report.toString(), "--index", index.toString(), docs.toString());
    assertEquals(1, again.code());
    assertTrue(again.out().contains("2 files unchanged"), again.out());
    assertTrue(again.out().contains("1 in an earlier run"), again.out());
    JsonObject line = JsonParser.parseString(Files.readString(report).strip()).getAsJsonObject();
    assertEquals(docs.resolve("empty.html").toAbsolutePath().toString(), line.get("source").getAsString());
    assertEquals("empty", line.get("reason").getAsString());
    assertEquals("the file is empty", line.get("message").getAsString());
    assertEquals("failed-earlier", line.get("status").getAsString());

    Result all = run("import", "--quiet", "--report", report.toString(), "--report-all", "--index", index.toString(),
        docs.toString());
    assertEquals(1, all.code());
    List<String> lines = Files.readAllLines(report);
    assertEquals(3, lines.size());
    assertEquals(2, lines.stream().filter(l -> l.contains("\"status\":\"unchanged\"")).count(), lines.toString());
  }

  @Test
  void pruneRemovesArticlesOfDeletedFiles() throws Exception {
    run("import", "--quiet", "--index", index.toString(), docs.toString());
    Files.delete(docs.resolve("boats.txt"));

    Result pruned = run("import", "--quiet", "--prune", "--index", index.toString(), docs.toString());
    assertEquals(0, pruned.code(), pruned.err());
    assertTrue(pruned.out().contains("1 files gone"), pruned.out());
    Result stats = run("stats", "--json", "--index", index.toString());
    assertEquals(1, JsonParser.parseString(stats.out()).getAsJsonObject().get("articles").getAsInt());
  }

  @Test
  void importHelpListsTheJournalOptions() {
    String help = run("import", "--help").out();
    for (String option : new String[] {"--file-timeout", "--retry-failed", "--prune", "--resume", "--report",
        "--commit-every", "--max-file-mb", "--report-all"}) {
      assertTrue(help.contains(option), option);
    }
  }

  @Test
  void userMistakesGetAMessageNotAStackTrace() {
    Result bad = run("search", "--index", index.toString(), "--from", "last week", "x");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--from"), bad.err());
    assertFalse(bad.err().contains("Exception"), bad.err());

    Result missing = run("stats", "--index", dir.resolve("none").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("No index at"), missing.err());

    Result noFile = run("import", "--index", index.toString(), dir.resolve("nope").toString());
    assertEquals(2, noFile.code());
    assertTrue(noFile.err().contains("no such file or folder"), noFile.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"extract", "import", "search", "stats", "serve", "demo"}) {
      Result r = run(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Usage: backfile " + command), r.out());
    }
    assertTrue(run("--help").out().contains("Commands:"));
  }

  @Test
  void theCommandTableMatchesEachCommandsOwnNameAndHelpListsThemAll() {
    Cli.COMMANDS.forEach((name, command) -> {
      Object c = command.get();
      String declared = c.getClass().getAnnotation(picocli.CommandLine.Command.class).name();
      assertEquals(name, declared, c.getClass().getName());
      // Only the command that runs is built; "help" needs them all.
      java.util.Set<String> built = Cli.commandLine(new String[] {name, "--help"}).getSubcommands().keySet();
      assertEquals(name.equals("help") ? Cli.COMMANDS.keySet() : java.util.Set.of(name), built);
    });
    String help = run("--help").out();
    for (String name : Cli.COMMANDS.keySet()) {
      if (!name.equals("aot-train")) assertTrue(help.contains("  " + name + " "), name + " missing in\n" + help);
    }
    assertTrue(run("help", "serve").out().contains("Usage: backfile serve"));
    Result unknown = run("serach", "bees");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("Unmatched argument") || unknown.err().contains("serach"), unknown.err());
  }
}
