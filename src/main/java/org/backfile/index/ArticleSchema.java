package org.backfile.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;

/**
 * The one place that names the index's fields and says how each is indexed. Everything else uses
 * these constants and {@link #toDocument}/{@link #toArticle}.
 */
public final class ArticleSchema {

  /** Keyword, stored, with doc values: the update key, and the tie-breaker that makes paging stable. */
  public static final String ID = "id";
  /** Keyword: every article of a file is replaced at once by this key when the file is imported again. */
  public static final String SOURCE = "source";
  /** Analysed and stored: searched (boosted) and shown. */
  public static final String TITLE = "title";
  /**
   * Analysed (stemmed) and stored; frequencies without positions: phrases go to {@link #BODY_EXACT},
   * and the highlighter re-analyses the few bodies it shows rather than every article carrying
   * positions and offsets (a third of the index).
   */
  public static final String BODY = "body";
  /**
   * Title and body again, unstemmed with positions: quoted phrases match the words exactly as
   * written ("organizing committee" does not match "organized committees"). Their terms are also
   * the vocabulary that "did you mean" and suggestions draw from.
   */
  public static final String TITLE_EXACT = "title_exact";
  public static final String BODY_EXACT = "body_exact";
  /** Stored only: shown, not searched (the body holds the same words). */
  public static final String SUMMARY = "summary";
  /** Keyword (exact filter), stored; one value per author. */
  public static final String AUTHOR = "author";
  /** Analysed without stemming: lets "author:keller" find "Maria Keller". */
  public static final String AUTHOR_TEXT = "author_text";
  /** Stored as written: "2012", "2012-04" or "2012-04-04". */
  public static final String PUBLISHED = "published";
  /** Int points (epoch days) of the first and last day the date may stand for: date ranges. */
  public static final String PUBLISHED_START = "published_start";
  public static final String PUBLISHED_END = "published_end";
  /** Doc values (epoch day of the first day): sort by date. Undated articles have none. */
  public static final String PUBLISHED_SORT = "published_sort";
  /** Keyword "yes"/"no": undated articles stay reachable. */
  public static final String DATED = "dated";
  public static final String SECTION = "section";
  public static final String PUBLICATION = "publication";
  public static final String TAG = "tag";
  public static final String LANGUAGE = "language";
  public static final String CONTENT_TYPE = "content_type";
  public static final String URL = "url";
  public static final String WARNING = "warning";

  /**
   * Keyword, stored, with doc values: the duplicate group (syndicated copies and reprints share one).
   * The value is the body hash of the article that founded the group; an article too short to
   * compare is a group of its own ({@code "a:" + id}). Results are collapsed on it.
   */
  public static final String DUP_GROUP = "dup_group";
  /** Keyword, not stored: the hash of the normalised body words; exact copies share it. */
  public static final String BODY_HASH = "body_hash";
  /**
   * Keyword (8-byte binary terms), not stored: the MinHash band keys through which near-duplicates
   * find each other. The signature itself is not stored (1 KB an article, incompressible): a
   * candidate's is worked out again from its stored body.
   */
  public static final String DUP_BAND = "dup_band";

  /** Facet dimensions (sorted-set doc values, counted by Lucene's facet module). */
  public static final String FACET_YEAR = "year";
  public static final String FACET_MONTH = "month";
  public static final String FACET_AUTHOR = "author";
  public static final String FACET_SECTION = "section";
  public static final String FACET_PUBLICATION = "publication";
  public static final String FACET_LANGUAGE = "language";
  public static final String FACET_FORMAT = "format";
  public static final String FACET_TAG = "tag";
  public static final List<String> FACETS = List.of(FACET_YEAR, FACET_MONTH, FACET_AUTHOR,
      FACET_SECTION, FACET_PUBLICATION, FACET_LANGUAGE, FACET_FORMAT, FACET_TAG);
  /** The year facet's value for articles without a date. */
  public static final String UNDATED = "undated";

  private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    BODY_TYPE.freeze();
  }

  private static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

  static {
    for (String dim : FACETS) FACETS_CONFIG.setMultiValued(dim, true);
  }

  private ArticleSchema() {}

  public static FacetsConfig facetsConfig() {
    return FACETS_CONFIG;
  }

  private static final Analyzer ANALYZER = new FieldAnalyzers();

  /**
   * Analysers by field: names and exact-phrase fields are not stemmed, a language's field uses its
   * language's analyser, everything else is stemmed. One shared instance (analysers are
   * thread-safe and keep token streams per thread for reuse; a new one per request rebuilt eleven
   * language analysers and every token stream each time).
   */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  private static final class FieldAnalyzers extends DelegatingAnalyzerWrapper {
    private final Analyzer stemmed = new ArticleAnalyzer(true);
    private final Analyzer unstemmed = new ArticleAnalyzer(false);

    FieldAnalyzers() {
      super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String field) {
      if (field.equals(AUTHOR_TEXT) || field.equals(TITLE_EXACT) || field.equals(BODY_EXACT)) return unstemmed;
      return LanguageAnalyzers.forField(field).orElse(stemmed);
    }
  }

  /** The document of an article that is its own duplicate group (as when first seen). */
  public static Document toDocument(Article a) throws IOException {
    BodyFingerprint fp = BodyFingerprint.of(a.body());
    return toDocument(a, fp, ownGroup(a.id(), fp));
  }

  /**
   * The duplicate group of an article judged on its own body: exact copies share it. (A backend
   * without the index's near-duplicate search, such as Solr, groups by this.)
   */
  public static String exactCopyGroup(Article a) {
    return ownGroup(a.id(), BodyFingerprint.of(a.body()));
  }

  /** The group an article founds when it copies nothing already in the index. */
  static String ownGroup(String id, BodyFingerprint fp) {
    return fp == null ? "a:" + id : "h:" + fp.exactHash();
  }

  static Document toDocument(Article a, BodyFingerprint fp, String group) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(ID, a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
    doc.add(new StringField(SOURCE, a.source(), Field.Store.YES));
    doc.add(new TextField(TITLE, a.title(), Field.Store.YES));
    BodyTokens words = BodyTokens.of(a.body()); // analysed once for both body fields
    doc.add(new StoredField(BODY, a.body()));
    doc.add(new Field(BODY, words.stemmed(), BODY_TYPE));
    doc.add(new TextField(TITLE_EXACT, a.title(), Field.Store.NO));
    doc.add(new TextField(BODY_EXACT, words.unstemmed()));
    LanguageAnalyzers.fieldFor(a.language()).ifPresent(field -> {
      doc.add(new TextField(field, a.title(), Field.Store.NO));
      doc.add(new TextField(field, a.body(), Field.Store.NO));
    });
    storeIfPresent(doc, SUMMARY, a.summary());
    storeIfPresent(doc, URL, a.url());
    for (String author : a.authors()) {
      doc.add(new StringField(AUTHOR, author, Field.Store.YES));
      doc.add(new TextField(AUTHOR_TEXT, author, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(FACET_AUTHOR, author));
    }
    PartialDate date = a.published();
    if (date != null) {
      int start = (int) date.start().toEpochDay();
      doc.add(new StoredField(PUBLISHED, date.toString()));
      doc.add(new IntPoint(PUBLISHED_START, start));
      doc.add(new IntPoint(PUBLISHED_END, (int) date.end().toEpochDay()));
      doc.add(new NumericDocValuesField(PUBLISHED_SORT, start));
      doc.add(new StringField(DATED, "yes", Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(FACET_YEAR, String.format(Locale.ROOT, "%04d", date.year())));
      if (date.month() != 0) {
        doc.add(new SortedSetDocValuesFacetField(FACET_MONTH,
            String.format(Locale.ROOT, "%04d-%02d", date.year(), date.month())));
      }
    } else {
      doc.add(new StringField(DATED, "no", Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(FACET_YEAR, UNDATED));
    }
    keyword(doc, SECTION, FACET_SECTION, a.section());
    keyword(doc, PUBLICATION, FACET_PUBLICATION, a.publication());
    keyword(doc, LANGUAGE, FACET_LANGUAGE, a.language());
    keyword(doc, CONTENT_TYPE, FACET_FORMAT, a.contentType());
    for (String tag : a.tags()) keyword(doc, TAG, FACET_TAG, tag);
    for (String warning : a.warnings()) doc.add(new StoredField(WARNING, warning));
    doc.add(new StringField(DUP_GROUP, group, Field.Store.YES));
    doc.add(new SortedDocValuesField(DUP_GROUP, new BytesRef(group)));
    if (fp != null) {
      doc.add(new StringField(BODY_HASH, fp.exactHash(), Field.Store.NO));
      for (long band : fp.bandKeys()) doc.add(new StringField(DUP_BAND, BodyFingerprint.bandTerm(band), Field.Store.NO));
    }
    return FACETS_CONFIG.build(doc);
  }

  /** Reads a stored article back; the inverse of {@link #toDocument}. */
  public static Article toArticle(StoredFields stored, int docId) throws IOException {
    return toArticle(stored.document(docId));
  }

  /**
   * The article without its body (empty), for result lists: turning each hit's whole text into a
   * string only to drop it was a fortieth of a search.
   */
  public static Article toListedArticle(StoredFields stored, int docId) throws IOException {
    DocumentStoredFieldVisitor withoutBody = new DocumentStoredFieldVisitor() {
      @Override
      public Status needsField(FieldInfo field) {
        return field.name.equals(BODY) ? Status.NO : Status.YES;
      }
    };
    stored.document(docId, withoutBody);
    return toArticle(withoutBody.getDocument());
  }

  private static Article toArticle(Document d) {
    String published = d.get(PUBLISHED);
    return new Article(d.get(SOURCE), d.get(ID), d.get(TITLE), values(d, AUTHOR),
        published == null ? null : PartialDate.parse(published), d.get(PUBLICATION),
        d.get(SECTION), values(d, TAG), d.get(URL), d.get(LANGUAGE), d.get(SUMMARY), d.get(BODY),
        d.get(CONTENT_TYPE), values(d, WARNING), null);
  }

  private static List<String> values(Document d, String field) {
    return new ArrayList<>(List.of(d.getValues(field)));
  }

  private static void storeIfPresent(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) doc.add(new StoredField(field, value));
  }

  private static void keyword(Document doc, String field, String dim, String value) {
    if (value == null || value.isBlank()) return;
    doc.add(new StringField(field, value, Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(dim, value));
  }
}
