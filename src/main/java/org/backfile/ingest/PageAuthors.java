package org.backfile.ingest;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;

/**
 * A page's authors: JSON-LD first, then byline markup (itemprop, rel=author, byline classes),
 * then author meta tags, then an SEO plugin's "Written by" label, then bylines written as text,
 * then {@link VisibleAuthors}. Never the site's own name.
 */
final class PageAuthors {

  private static final String[] AUTHOR_META = {
      "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
      "parsely-author", "citation_author", "byl", "twitter:creator", "og:article:author",
      "dc.creator.name", "authors"};
  static final String BYLINE_MARKUP =
      "[itemprop~=^author$] [itemprop=name], [rel=author], [itemprop~=^author$], .byline, "
          + ".author, .author-name, .byline-name, [class*=byline], [class*=author-name], "
          + "[class*=authorname], [class~=(?i)^(post-)?author$], [id*=byline]";
  /**
   * Every alternative of {@link #BYLINE_MARKUP} needs an itemprop or rel attribute, or "byline" or
   * "author" in the class, or "byline" in the id (case ignored at least as jsoup ignores it).
   */
  static final Evaluator BYLINE_ELEMENTS = Css.prefiltered(BYLINE_MARKUP, el -> el.hasAttr("itemprop")
      || el.hasAttr("rel") || Css.containsIgnoreCase(el.className(), "byline")
      || Css.containsIgnoreCase(el.className(), "author") || Css.containsIgnoreCase(el.id(), "byline"));
  private static final Pattern WRITTEN_BY = Pattern.compile(
      "written by|verfasst von|geschrieben von|author|autor|escrito por|écrit par|scritto da",
      Pattern.CASE_INSENSITIVE);

  private PageAuthors() {}

  /**
   * The authors with their rule, or null when none is found.
   *
   * @param personalSite the publisher is a person: a one-person site publishes as that person,
   *     so the publisher's name is then no reason to drop the author
   */
  static Found<List<String>> find(Document doc, MetaTags meta, JsonLd ld,
      Optional<JsonObject> article, String publication, boolean personalSite,
      TextBylines textBylines) {
    String notAuthor = personalSite ? null : publication;
    if (article.isPresent()) {
      List<String> names = cleanNames(ld.names(article.get(), "author"), notAuthor);
      if (!names.isEmpty()) {
        return new Found<>(names, "jsonld:author");
      }
    }
    for (Element el : doc.select(BYLINE_ELEMENTS)) {
      if (PageRegions.within(el, PageRegions.COMMENTS)) {
        continue;
      }
      String text = el.hasAttr("content") && el.text().isBlank() ? el.attr("content") : el.text();
      if (text.length() > 150) {
        continue;
      }
      List<String> names = cleanNames(List.of(text), publication);
      if (!names.isEmpty()) {
        return new Found<>(names, "byline:" + describe(el));
      }
    }
    Set<String> siteNames = siteNames(doc, publication);
    for (String name : AUTHOR_META) {
      String v = meta.get(name);
      v = v == null ? null : withoutSiteParts(v, siteNames);
      if (v != null && !v.contains("://") && !v.startsWith("@") && !isHandle(v)
          && !siteNames.contains(HtmlMetadata.normal(v))) {
        List<String> names = cleanNames(List.of(v), publication);
        if (!names.isEmpty()) {
          return new Found<>(names, "meta:" + name);
        }
      }
    }
    String labelled = labelledMeta(meta);
    if (labelled != null && !isHandle(labelled)) {
      List<String> names = cleanNames(List.of(labelled.replaceAll("\\s+@\\w+$", "")),
          notAuthor);
      if (!names.isEmpty()) {
        return new Found<>(names, "meta:twitter:data(written-by)");
      }
    }
    Bylines.Byline b = textBylines.first();
    if (b != null && !b.authors().isEmpty()) {
      return new Found<>(b.authors(), "byline:text");
    }
    return VisibleAuthors.find(doc, publication, Clock.systemUTC())
        .map(f -> new Found<>(f.names(), "byline:" + f.rule()))
        .orElse(null);
  }

  /** "Site - Jane Doe" in an author meta tag: the parts that are not the site's name. */
  private static String withoutSiteParts(String v, Set<String> siteNames) {
    String[] parts = v.split("\\s+[-|–—]\\s+");
    if (parts.length < 2) {
      return v;
    }
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (!siteNames.contains(HtmlMetadata.normal(p))) {
        kept.add(p);
      }
    }
    return kept.isEmpty() || kept.size() == parts.length ? v : String.join(" - ", kept);
  }

  /**
   * A one-word account name with an underscore ("sv_team"): in a meta tag that is a social-media
   * handle, not the name the page shows (a visible byline may still be a user name).
   */
  static boolean isHandle(String v) {
    return v.strip().matches("[\\w.-]*_[\\w.-]*");
  }

  /** {@code twitter:labelN} "Written by" with its {@code twitter:dataN} value (an SEO plugin's). */
  private static String labelledMeta(MetaTags meta) {
    for (int i = 1; i <= 4; i++) {
      String label = meta.get("twitter:label" + i);
      if (label != null && WRITTEN_BY.matcher(label).find()) {
        return meta.get("twitter:data" + i);
      }
    }
    return null;
  }

  /** Names the site goes by: og:site_name / publisher, and the parts of the title tag. */
  private static Set<String> siteNames(Document doc, String publication) {
    Set<String> names = new HashSet<>();
    if (publication != null) {
      names.add(HtmlMetadata.normal(publication));
    }
    String[] parts = Titles.SEPARATOR.split(doc.title());
    if (parts.length > 1) {
      for (String p : parts) {
        names.add(HtmlMetadata.normal(p));
      }
    }
    return names;
  }

  private static String describe(Element el) {
    if (el.hasAttr("itemprop")) {
      return "itemprop";
    }
    if (el.hasAttr("rel")) {
      return "rel-author";
    }
    return "class";
  }

  static List<String> cleanNames(List<String> raw, String publication) {
    Set<String> names = new LinkedHashSet<>();
    for (String r : raw) {
      String text = Parser.unescapeEntities(r, false);
      Bylines.parse(text, publication).ifPresent(b -> names.addAll(b.authors()));
    }
    return new ArrayList<>(names);
  }
}
