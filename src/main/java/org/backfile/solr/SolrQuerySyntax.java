package org.backfile.solr;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.backfile.search.BadQueryException;

/**
 * Writes a query that Backfile's parser built (terms already analysed) in Solr's standard query
 * syntax. The schema's query analysers only split on whitespace, so every term reaches Solr's index
 * as Backfile's analysers made it: the same query finds the same articles on both backends.
 */
final class SolrQuerySyntax {

  private SolrQuerySyntax() {}

  static String of(Query q) {
    StringBuilder b = new StringBuilder();
    write(q, b);
    return b.toString();
  }

  private static void write(Query q, StringBuilder b) {
    switch (q) {
      case MatchAllDocsQuery m -> b.append("*:*");
      case MatchNoDocsQuery m -> b.append("(-*:*)");
      case TermQuery t -> term(t.getTerm(), b);
      case BoostQuery bq -> {
        b.append('(');
        write(bq.getQuery(), b);
        // Plain digits: Solr's parser reads no exponent ("1.0E-4").
        b.append(")^").append(new java.math.BigDecimal(Float.toString(bq.getBoost())).toPlainString());
      }
      case BooleanQuery bool -> bool(bool, b);
      case PhraseQuery pq -> phrase(pq, b);
      case PrefixQuery pq -> b.append(pq.getField()).append(':').append(escape(pq.getPrefix().text())).append('*');
      case WildcardQuery wq -> b.append(wq.getField()).append(':').append(escapeKeepingWildcards(wq.getTerm().text()));
      case FuzzyQuery fq -> b.append(fq.getField()).append(':').append(escape(fq.getTerm().text()))
          .append('~').append(fq.getMaxEdits());
      case RegexpQuery rq -> b.append(rq.getField()).append(":/")
          .append(rq.getRegexp().text().replace("/", "\\/")).append('/');
      case SynonymQuery sq -> {
        b.append('(');
        for (int i = 0; i < sq.getTerms().size(); i++) {
          if (i > 0) b.append(' ');
          term(sq.getTerms().get(i), b);
        }
        b.append(')');
      }
      case PointRangeQuery pr when pr.getNumDims() == 1 && pr.getBytesPerDim() == Integer.BYTES ->
          b.append(pr.getField()).append(":[").append(IntPoint.decodeDimension(pr.getLowerPoint(), 0))
              .append(" TO ").append(IntPoint.decodeDimension(pr.getUpperPoint(), 0)).append(']');
      default -> throw new BadQueryException("This part of the query is not supported on the Solr backend: " + q);
    }
  }

  private static void bool(BooleanQuery bool, StringBuilder b) {
    if (bool.clauses().isEmpty()) {
      b.append("(-*:*)");
      return;
    }
    b.append('(');
    boolean first = true;
    for (BooleanClause c : bool.clauses()) {
      if (!first) b.append(' ');
      first = false;
      switch (c.occur()) {
        case MUST -> b.append('+');
        case FILTER -> b.append("+filter(");
        case MUST_NOT -> b.append('-');
        case SHOULD -> { }
      }
      write(c.query(), b);
      if (c.occur() == BooleanClause.Occur.FILTER) b.append(')');
    }
    b.append(')');
    if (bool.getMinimumNumberShouldMatch() > 0) {
      // Solr's standard parser has no syntax for it inside a clause; Backfile's parser never sets it.
      throw new BadQueryException("minimum-should-match is not supported on the Solr backend");
    }
  }

  private static void phrase(PhraseQuery pq, StringBuilder b) {
    Term[] terms = pq.getTerms();
    if (terms.length == 0) {
      b.append("(-*:*)");
      return;
    }
    b.append(terms[0].field()).append(":\"");
    for (int i = 0; i < terms.length; i++) {
      if (i > 0) b.append(' ');
      b.append(escapeQuoted(terms[i].text()));
    }
    b.append('"');
    if (pq.getSlop() > 0) b.append('~').append(pq.getSlop());
  }

  static void term(Term t, StringBuilder b) {
    b.append(t.field()).append(":\"").append(escapeQuoted(t.text())).append('"');
  }

  /** A value as one quoted term: {@code field:"value"}. */
  static String term(String field, String value) {
    StringBuilder b = new StringBuilder();
    term(new Term(field, value), b);
    return b.toString();
  }

  private static String escapeQuoted(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Backslash before every character Solr's standard parser treats as syntax. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ("\\+-!():^[]\"{}~*?|&;/".indexOf(c) >= 0 || Character.isWhitespace(c)) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }

  private static String escapeKeepingWildcards(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c != '*' && c != '?' && ("\\+-!():^[]\"{}~|&;/".indexOf(c) >= 0 || Character.isWhitespace(c))) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }
}
