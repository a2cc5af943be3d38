package org.backfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;

/**
 * A syndicated story in three copies (the original, an exact copy in another paper, and a reprint
 * with a new headline and one sentence rewritten) and an unrelated story, from
 * {@code fixtures/duplicates/}.
 */
public final class DuplicateArticles {

  public static final String ORIGINAL = "dup0000000000001";
  public static final String COPY = "dup0000000000002";
  public static final String REPRINT = "dup0000000000003";
  public static final String UNRELATED = "dup0000000000004";

  private DuplicateArticles() {}

  public static List<Article> all() {
    return List.of(original(), copy(), reprint(), unrelated());
  }

  public static Article original() {
    return article("/dup/coast-gazette.txt", ORIGINAL, "Harbour board votes to close the old ferry terminal",
        "2012-04-01", "Coast Gazette", text("original.txt"));
  }

  public static Article copy() {
    return article("/dup/valley-news.txt", COPY, "Harbour board votes to close the old ferry terminal",
        "2012-04-03", "Valley News", text("original.txt"));
  }

  public static Article reprint() {
    return article("/dup/weekly-star.txt", REPRINT, "Ferry terminal to shut after eighty years",
        "2012-04-05", "Weekly Star", text("reprint.txt"));
  }

  public static Article unrelated() {
    return article("/dup/arts.txt", UNRELATED, "Orchestra to play every Beethoven symphony",
        "2012-04-02", "Coast Gazette", text("unrelated.txt"));
  }

  public static Article article(String source, String id, String title, String date, String publication, String body) {
    return new Article(source, id, title, List.of("Staff"), PartialDate.parse(date), publication, null,
        List.of(), null, "en", null, body, "text/plain", List.of(), null);
  }

  public static String text(String name) {
    try (InputStream in = DuplicateArticles.class.getResourceAsStream("/fixtures/duplicates/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture named " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
