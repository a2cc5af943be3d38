package org.backfile.cli;

import java.util.concurrent.Callable;
import org.backfile.solr.SolrAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "solr", mixinStandardHelpOptions = true,
    description = "Set up a SolrCloud collection for Backfile (see docs/scaling.md).",
    subcommands = {SolrCommand.Init.class, SolrCommand.Copy.class})
final class SolrCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Upload Backfile's configset (schema and solrconfig, named after the collection) and "
          + "create the collection.",
          "Then: backfile import --backend solr …, backfile serve --backend solr …"})
  static final class Init implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1", description = "Shards (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
        description = "Replicas of each shard (default: ${DEFAULT-VALUE}; 2 or more to survive losing a node).")
    int replicas;

    @Option(names = {"-v", "--verbose"}, description = "Log what happens (to stderr).") // read by Main
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      SolrAdmin.Created c = new SolrAdmin(backend.solrCollection()).init(shards, replicas);
      spec.commandLine().getOut().printf("Created collection %s: %d shard(s) × %d replica(s), configset %s%s.%n",
          c.collection(), c.shards(), c.replicas(), c.collection(), c.configsetReplaced() ? " (replaced)" : "");
      return Cli.OK;
    }
  }

  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = {"Copy an embedded archive (--index) into a Solr collection made by 'solr init': every "
          + "article with its id, and the import journal, so a later 'import --backend solr' of the same "
          + "folders skips unchanged files."})
  static final class Copy implements java.util.concurrent.Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backend;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Where the Solr imports keep their journal (default: solr-journal/COLLECTION).")
    java.nio.file.Path journal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
      var solr = backend.solrCollection();
      long started = System.nanoTime();
      long n = SolrCopy.run(common.index, solr, journal == null ? backend.defaultJournal() : journal);
      spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Copied %d articles from %s into Solr collection %s in %.1f s.%n",
          n, common.index, solr.name(), (System.nanoTime() - started) / 1e9);
      return Cli.OK;
    }
  }
}
