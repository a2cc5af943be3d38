package org.backfile.ingest;

import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The page's tags: article:tag meta tags, else JSON-LD keywords, else the keywords meta tag. */
final class PageTags {

  private PageTags() {}

  /** The tags with their rule, or null when the page names none. */
  static Found<List<String>> find(MetaTags meta, JsonLd ld, Optional<JsonObject> article) {
    Set<String> tags = new LinkedHashSet<>(meta.all("article:tag"));
    String rule = "meta:article:tag";
    if (tags.isEmpty() && article.isPresent()) {
      for (String k : ld.names(article.get(), "keywords")) {
        split(k, tags);
      }
      rule = "jsonld:keywords";
    }
    if (tags.isEmpty()) {
      String k = meta.get("news_keywords") != null ? meta.get("news_keywords") : meta.get("keywords");
      if (k != null) {
        split(k, tags);
      }
      rule = "meta:keywords";
    }
    tags.removeIf(t -> t.isBlank() || t.length() > 60);
    return tags.isEmpty() ? null : new Found<>(List.copyOf(tags), rule);
  }

  private static void split(String s, Set<String> into) {
    for (String part : s.split("[,;]")) {
      String t = part.strip();
      if (!t.isEmpty()) {
        into.add(t);
      }
    }
  }
}
