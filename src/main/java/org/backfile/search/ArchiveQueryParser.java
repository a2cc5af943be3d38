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

  private static final String[] DEFAULT_FIELDS = {ArticleSchema.TITLE, ArticleSchema.BODY};
  private static final Map<String, Float> BOOSTS = Map.of(ArticleSchema.TITLE, 2.5f, ArticleSchema.BODY, 1f);
  /** Reader-facing field names for keyword fields, matched exactly. */
  private static final Map<String, String> KEYWORD_FIELDS = Map.of(
      "section", ArticleSchema.SECTION,
      "tag", ArticleSchema.TAG,
      "publication", ArticleSchema.PUBLICATION,
      "language", ArticleSchema.LANGUAGE,
      "id", ArticleSchema.ID);

  private static final java.util.Set<String> DATE_FIELDS = java.util.Set.of("published", "date");

  ArchiveQueryParser() {
    super(DEFAULT_FIELDS, ArticleSchema.analyzer(), BOOSTS);
    setDefaultOperator(QueryParser.AND_OPERATOR);
    setSplitOnWhitespace(true);
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
    if (DATE_FIELDS.contains(field)) {
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
    return super.getFieldQuery(field, queryText, quoted);
  }

  private static String firstLine(String message) {
    if (message == null) return "syntax error";
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.replace("Cannot parse '", "cannot parse '").strip();
  }
}
