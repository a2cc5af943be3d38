package org.backfile.ingest.eval;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;
import org.backfile.ingest.Article;
import org.backfile.ingest.HtmlArticleExtractor;
import org.xml.sax.ContentHandler;
import de.l3s.boilerpipe.extractors.ArticleExtractor;

/** The systems compared: Backfile's extractor, Tika's plain text, and Tika with Boilerpipe. */
final class Extractors {

  /** What a system returned for one page; fields it cannot produce are null. */
  record Output(String body, String title, List<String> authors, String date) {}

  interface System {
    String name();

    Output extract(byte[] html, String url) throws Exception;
  }

  private static final AutoDetectParser TIKA = new AutoDetectParser();

  private Extractors() {}

  static List<System> all() {
    return List.of(backfile(), tikaText(), boilerpipe());
  }

  static System backfile() {
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    return new System() {
      public String name() {
        return "backfile";
      }

      public Output extract(byte[] html, String url) {
        Article a = extractor.extract(html, url == null ? "eval" : url, "eval");
        return new Output(a.body(), a.title(), a.authors(),
            a.published() == null ? null : a.published().toString());
      }
    };
  }

  static System tikaText() {
    return new System() {
      public String name() {
        return "tika-text";
      }

      public Output extract(byte[] html, String url) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        Metadata md = parse(html, handler);
        String author = md.get(TikaCoreProperties.CREATOR);
        return new Output(handler.toString(), md.get(TikaCoreProperties.TITLE),
            author == null ? List.of() : List.of(author), null);
      }
    };
  }

  static System boilerpipe() {
    return new System() {
      public String name() {
        return "tika-boilerpipe";
      }

      public Output extract(byte[] html, String url) throws Exception {
        BodyContentHandler text = new BodyContentHandler(-1);
        parse(html, new BoilerpipeContentHandler(text, ArticleExtractor.INSTANCE));
        return new Output(text.toString(), null, null, null);
      }
    };
  }

  private static Metadata parse(byte[] html, ContentHandler handler) throws Exception {
    Metadata md = new Metadata();
    md.set(TikaCoreProperties.RESOURCE_NAME_KEY, "page.html");
    try (ByteArrayInputStream in = new ByteArrayInputStream(html)) {
      TIKA.parse(in, handler, md, new ParseContext());
    }
    return md;
  }
}
