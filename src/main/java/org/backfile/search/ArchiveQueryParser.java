package org.backfile.search;

import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.backfile.index.ArticleSchema;

/**
 * Turns a reader's query text into a Lucene query: words are searched in title (boosted) and body,
 * all words must match, and the field prefixes readers know ({@code title:}, {@code author:},
 * {@code section:}, {@code tag:}, {@code publication:}) map onto the schema. Not thread-safe
 * (QueryParser is not): make one per request.
 */
final class ArchiveQueryParser extends MultiFieldQueryParser {

  private static final float TITLE_BOOST = 2.5f;
  private static final Map<String, Float> BOOSTS = Map.of(ArticleSchema.TITLE, TITLE_BOOST, ArticleSchema.BODY, 1f);
  /** Reader-facing field names for keyword fields, matched exactly. */
  private static final Map<String, String> KEYWORD_FIELDS = Map.of(
      "section", ArticleSchema.SECTION,
      "tag", ArticleSchema.TAG,
      "publication", ArticleSchema.PUBLICATION,
      "language", ArticleSchema.LANGUAGE,
      "id", ArticleSchema.ID);

  private static final java.util.Set<String> DATE_FIELDS = java.util.Set.of("published", "date");

  /** Title and body, plus the language fields of the languages the index holds. */
  private boolean exactPhrases = true;

  ArchiveQueryParser(java.util.Collection<String> languageFields) {
    super(fields(languageFields), ArticleSchema.analyzer(), BOOSTS);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setSplitOnWhitespace(true);
  }

  ArchiveQueryParser() {
    this(java.util.List.of());
  }

  /**
   * Phrases on the stemmed fields instead: the highlighter marks words in the stored body, whose
   * postings are stemmed, so the query it is given must speak the same terms.
   */
  ArchiveQueryParser forHighlighting() {
    exactPhrases = false;
    return this;
  }

  private static String[] fields(java.util.Collection<String> languageFields) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(ArticleSchema.TITLE, ArticleSchema.BODY));
    all.addAll(languageFields);
    return all.toArray(String[]::new);
  }

  /** Parses, turning every failure into a message a reader can act on. */
  Query parseQuery(String text) {
    if (text.isBlank()) return MatchAllDocsQuery.INSTANCE;
    try {
      return withPositiveClause(parse(text));
    } catch (ParseException e) {
      throw new BadQueryException("Cannot parse query '" + text + "': " + firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new BadQueryException("Query '" + text + "' matches too many words; make the prefix longer");
    } catch (IllegalArgumentException e) {
      throw new BadQueryException("Cannot parse query '" + text + "': " + e.getMessage());
    }
  }

  /** Quoted text, with or without ~slop, comes here first. */
  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    boolean text = field == null || field.equals(ArticleSchema.TITLE) || field.equals(ArticleSchema.BODY);
    if (!exactPhrases && text) return super.getFieldQuery(field, queryText, slop);
    // MultiFieldQueryParser's own version calls the base class's quoted getFieldQuery directly,
    // which would skip the field rules below (author:"Maria Keller" became a phrase on a keyword
    // field, which Lucene refuses).
    return withSlop(getFieldQuery(field, queryText, true), slop);
  }

  private static Query withSlop(Query q, int slop) {
    if (slop == 0 || q == null) return q;
    if (q instanceof org.apache.lucene.search.PhraseQuery pq) {
      org.apache.lucene.search.PhraseQuery.Builder b = new org.apache.lucene.search.PhraseQuery.Builder().setSlop(slop);
      org.apache.lucene.index.Term[] terms = pq.getTerms();
      int[] positions = pq.getPositions();
      for (int i = 0; i < terms.length; i++) b.add(terms[i], positions[i]);
      return b.build();
    }
    if (q instanceof org.apache.lucene.search.BoostQuery bq) {
      return new org.apache.lucene.search.BoostQuery(withSlop(bq.getQuery(), slop), bq.getBoost());
    }
    if (q instanceof BooleanQuery bool) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (BooleanClause c : bool.clauses()) b.add(withSlop(c.query(), slop), c.occur());
      return b.build();
    }
    return q;
  }

  /** "-word" alone means "everything but word", not "nothing". */
  private static Query withPositiveClause(Query q) {
    if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return q;
  }

  /** {@code published:[2011-01 TO 2012-06]}: articles whose whole date lies in the range. */
  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    if (field != null && DATE_FIELDS.contains(field)) {
      java.time.LocalDate from = isOpen(part1) ? java.time.LocalDate.of(1, 1, 1) : date(part1).start();
      java.time.LocalDate to = isOpen(part2) ? java.time.LocalDate.of(9999, 12, 31) : date(part2).end();
      return FilterSet.within(from, to);
    }
    throw new ParseException("ranges work on published: only, e.g. published:[2011-01 TO 2012-06]");
  }

  private static boolean isOpen(String part) {
    return part == null || part.equals("*");
  }

  private static org.backfile.ingest.PartialDate date(String text) throws ParseException {
    try {
      return org.backfile.ingest.PartialDate.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParseException("in published: " + e.getMessage());
    }
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (field != null && DATE_FIELDS.contains(field)) {
      org.backfile.ingest.PartialDate d = date(queryText);
      return FilterSet.within(d.start(), d.end());
    }
    if (field != null) {
      String keyword = KEYWORD_FIELDS.get(field);
      if (keyword != null) return new TermQuery(new Term(keyword, queryText));
      if (field.equals("author")) {
        // Names: the exact name, or its words in order ("author:keller" finds "Maria Keller").
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        names.add(new TermQuery(new Term(ArticleSchema.AUTHOR, queryText)), BooleanClause.Occur.SHOULD);
        Query words = super.getFieldQuery(ArticleSchema.AUTHOR_TEXT, queryText, true);
        if (words != null) names.add(words, BooleanClause.Occur.SHOULD);
        return names.build();
      }
      if (!field.equals(ArticleSchema.TITLE) && !field.equals(ArticleSchema.BODY)) {
        throw new ParseException("unknown field '" + field + ":'; use title:, author:, section:,"
            + " tag:, publication:, language: or published: (or put the word in quotes)");
      }
    }
    if (quoted && exactPhrases) {
      // Phrases match the words as written: the unstemmed fields.
      if (field == null) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        Query inTitle = super.getFieldQuery(ArticleSchema.TITLE_EXACT, queryText, true);
        Query inBody = super.getFieldQuery(ArticleSchema.BODY_EXACT, queryText, true);
        if (inTitle == null || inBody == null) return null;
        either.add(new org.apache.lucene.search.BoostQuery(inTitle, TITLE_BOOST), BooleanClause.Occur.SHOULD);
        either.add(inBody, BooleanClause.Occur.SHOULD);
        return either.build();
      }
      return super.getFieldQuery(field.equals(ArticleSchema.TITLE) ? ArticleSchema.TITLE_EXACT
          : ArticleSchema.BODY_EXACT, queryText, true);
    }
    return super.getFieldQuery(field, queryText, quoted);
  }

  private static String firstLine(String message) {
    if (message == null) return "syntax error";
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.replace("Cannot parse '", "cannot parse '").strip();
  }
}
