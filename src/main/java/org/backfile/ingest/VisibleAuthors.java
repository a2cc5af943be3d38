package org.backfile.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Authors a page shows without a byline sentence: a link to the writer's archive page
 * ({@code /author/jane-doe/}) or a short element whose class names the author, next to the
 * headline. Used only when the page's metadata and bylines named nobody. Also drops "authors"
 * that are the site itself.
 */
final class VisibleAuthors {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Chrome and other stories: an author named there wrote something else. */
  private static final String ELSEWHERE = "nav, footer, aside, [class*=comment], [id*=comment], "
      + "[class*=related], [class*=teaser], [class*=sidebar], [id*=sidebar], [class*=widget], "
      + "[class*=recommend], [class*=more-], [class*=footer], [class*=header-nav], [class*=menu]";

  /** Archive pages that list one writer's articles: /author/jane-doe, /autor/…, /staff/…. */
  private static final Pattern AUTHOR_PATH = Pattern.compile(
      "/(?:author|authors|autor|autoren|auteur|autore|staff|journalist|journalisten|"
          + "redakteur|redaktion/autor|writers?|contributors?|people|profile)/[^/?#]+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTHOR_CLASS = Pattern.compile(
      "author|autor|byline", Pattern.CASE_INSENSITIVE);
  /** Headline, byline and date sit within a few levels of each other. */
  private static final int HEADER_DEPTH = 3;

  private VisibleAuthors() {}

  /**
   * The text of an element with a space between its text nodes: a byline set in pieces
   * ({@code <span>By</span><a>J.R. Stone</a>}) reads "By J.R. Stone", not "ByJ.R. Stone".
   */
  static String spacedText(Element el) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          sb.append(t.text()).append(' ');
        }
      }
    }, el);
    return WHITESPACE.matcher(sb.toString().replace('\u00a0', ' ')).replaceAll(" ").strip();
  }

  /**
   * The names in the first link to a writer's archive page, or in the first short element
   * classed as author or byline around the headline, outside navigation, comments, teasers and
   * footers. Names must be written as names (capitalised), as in running text.
   */
  static Optional<Found> find(Document doc, String publication, Clock clock) {
    if (doc.body() == null) {
      return Optional.empty();
    }
    for (Element a : doc.body().select(Css.of("a[href]"))) {
      if (AUTHOR_PATH.matcher(a.attr("href")).find() && !elsewhere(a, doc)) {
        String text = spacedText(a);
        List<String> names = names(text, publication, clock);
        if (names.size() == 1) {
          return Optional.of(new Found(names, "author-link"));
        }
        if (isHandleOf(text, a.attr("href"))) {
          return Optional.of(new Found(List.of(text), "author-link:user-name"));
        }
      }
    }
    Element scope = headerScope(doc);
    if (scope != null) {
      for (Element el : scope.getAllElements()) {
        if (!AUTHOR_CLASS.matcher(el.className()).find() || elsewhere(el, doc)) {
          continue;
        }
        String text = spacedText(el);
        if (text.length() < 3 || text.length() > 80) {
          continue;
        }
        List<String> names = names(text, publication, clock);
        if (!names.isEmpty()) {
          return Optional.of(new Found(names, "author-class"));
        }
      }
    }
    return Optional.empty();
  }

  private static final Pattern HANDLE = Pattern.compile("\\p{L}[\\p{L}\\p{N}._-]{2,30}");

  /**
   * A user name shown as the byline ("freeman1984") that its archive link spells out
   * ({@code /author/freeman1984/}): on blogs and forums that is the name readers see, even
   * though it is not written like a person's name.
   */
  static boolean isHandleOf(String text, String href) {
    if (!HANDLE.matcher(text).matches() || text.codePoints().noneMatch(Character::isDigit)) {
      return false; // a handle without digits is read as a name by the byline rules
    }
    String path = href.replaceFirst("[?#].*", "").replaceFirst("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.equalsIgnoreCase(text);
  }

  /**
   * Whether an element sits in navigation, a teaser box, comments and the like. A wrapper that
   * also holds the headline ("post-wrap sidebar-on") is the page's layout, not such a box.
   */
  private static boolean elsewhere(Element el, Document doc) {
    Element hit = el.closest(Css.of(ELSEWHERE));
    if (hit == null || hit.nameIs("body") || hit.nameIs("html")) {
      return false;
    }
    Element h1 = doc.body().selectFirst(Css.of("h1"));
    return h1 == null || !h1.parents().contains(hit);
  }

  /** Names found and the rule that found them. */
  record Found(List<String> names, String rule) {
    Found {
      names = List.copyOf(names);
    }
  }

  private static List<String> names(String text, String publication, Clock clock) {
    return Bylines.parseStrict(text, publication, clock).map(Bylines.Byline::authors)
        .orElse(List.of());
  }

  /**
   * A first name alone ("Nils", from a meta tag or JSON-LD) completed from a short line of the
   * page that shows it with a surname ("Eine Kolumne von Nils Pickert"): the name readers see.
   */
  static List<String> withFullNames(Document doc, List<String> authors) {
    if (doc.body() == null || authors.stream().noneMatch(a -> a.matches("\\p{Lu}\\p{Ll}+"))) {
      return authors;
    }
    List<String> out = new ArrayList<>();
    for (String a : authors) {
      out.add(a.matches("\\p{Lu}\\p{Ll}+") ? fullName(doc, a) : a);
    }
    return out;
  }

  private static String fullName(Document doc, String first) {
    Pattern withSurname = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(first)
        + "((?:\\s+(?:[A-Z]\\.|\\p{Lu}[\\p{Ll}'’-]+)){1,2})(?![\\p{L}])");
    for (Element el : doc.body().select(":containsOwn(" + first + ")")) {
      String text = el.text();
      if (text.length() > 120 || elsewhere(el, doc) || el.closest(Css.of("a")) != null
          && !AUTHOR_PATH.matcher(el.closest(Css.of("a")).attr("href")).find()) {
        continue;
      }
      java.util.regex.Matcher m = withSurname.matcher(text);
      if (m.find()) {
        String full = first + m.group(1).replaceAll("\\s+", " ");
        if (!Bylines.authors(full).isEmpty()) {
          return full;
        }
      }
    }
    return first;
  }

  /** The element a few levels above the first h1: the article's header. */
  static Element headerScope(Document doc) {
    Element h1 = doc.body().selectFirst(Css.of("h1"));
    if (h1 == null) {
      return null;
    }
    Element scope = h1;
    for (int i = 0; i < HEADER_DEPTH && scope.parent() != null && !scope.parent().nameIs("body")
        && !scope.parent().nameIs("html"); i++) {
      scope = scope.parent();
    }
    return scope;
  }

  /**
   * The authors without the site's own name: an author that is the publication ("Vegolosi.it"
   * for "Vegolosi"), one word that is part of the host name ("hejfish" on
   * fischerhuette.hejfish.com), or a name that holds a part of the host name and more
   * ("OÖ Volksblatt" on volksblatt.at). A person's name that is the whole host name
   * (janedoe.com) stays: that is a personal site.
   */
  static List<String> withoutSite(List<String> authors, String publication, String url) {
    List<String> hostParts = hostParts(url);
    String pub = compact(publication);
    List<String> kept = new ArrayList<>();
    for (String a : authors) {
      String c = compact(a);
      boolean site = c.isEmpty() || c.equals(pub);
      String[] words = a.strip().split("\\s+");
      for (String h : hostParts) {
        site |= words.length == 1 ? c.equals(h) : partOfName(words, h);
      }
      if (!site) {
        kept.add(a);
      }
    }
    return kept;
  }

  /** Whether some run of the name's words, but not all of them, spells {@code hostPart}. */
  private static boolean partOfName(String[] words, String hostPart) {
    for (int from = 0; from < words.length; from++) {
      StringBuilder run = new StringBuilder();
      for (int to = from; to < words.length; to++) {
        run.append(compact(words[to]));
        if (run.toString().equals(hostPart) && !(from == 0 && to == words.length - 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The host's labels without "www" and the top-level domain, each at least 5 letters. */
  private static List<String> hostParts(String url) {
    List<String> parts = new ArrayList<>();
    if (url == null) {
      return parts;
    }
    java.util.regex.Matcher m = Pattern.compile("^[a-z][a-z0-9+.-]*://([^/:?#]+)",
        Pattern.CASE_INSENSITIVE).matcher(url.strip());
    if (!m.find()) {
      return parts;
    }
    String[] labels = m.group(1).toLowerCase(Locale.ROOT).split("\\.");
    for (int i = 0; i < labels.length - 1; i++) {
      String c = compact(labels[i]);
      if (c.length() >= 5 && !labels[i].equals("www")) {
        parts.add(c);
      }
    }
    return parts;
  }

  /** Letters and digits only, lower-cased, a trailing ".com"/".de"-like suffix dropped. */
  static String compact(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip().toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z]{2,4}$", "");
    return t.replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
