package org.backfile.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.backfile.index.LanguageAnalyzers;
import org.backfile.ingest.Article;
import org.backfile.ingest.PartialDate;
import org.junit.jupiter.api.Test;

/** The configset declares every field the backend writes, and articles survive the round trip. */
class SolrConfigsetTest {

  private static final Article FULL = new Article("/a/b.html", "0123456789abcdef", "Bees in winter",
      List.of("Ann Lee", "Bo Chen"), PartialDate.parse("2012-04"), "The Hive", "Nature", List.of("bees", "winter"),
      "http://example.com/bees", "de", "A dek.", "Bees cluster in winter. ".repeat(30), "text/html",
      List.of("no byline"), null);

  private static Set<String> schemaFields() {
    String schema = new String(SolrAdmin.configFile("schema.xml"), StandardCharsets.UTF_8);
    Set<String> fields = new HashSet<>();
    Matcher m = Pattern.compile("<field name=\"([^\"]+)\"").matcher(schema);
    while (m.find()) fields.add(m.group(1));
    return fields;
  }

  @Test
  void everyFieldAnArticleIsWrittenWithIsInTheSchema() throws Exception {
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      SolrDocuments.write(FULL, w);
    }
    JsonObject doc = JsonParser.parseString(out.toString()).getAsJsonObject();
    Set<String> declared = schemaFields();
    for (String field : doc.keySet()) assertTrue(declared.contains(field), field + " is not in schema.xml");
    for (String lang : LanguageAnalyzers.languages()) {
      String field = LanguageAnalyzers.fieldFor(lang).orElseThrow();
      assertTrue(declared.contains(field), field + " is not in schema.xml");
    }
  }

  @Test
  void anArticleReadBackIsTheArticleWritten() throws Exception {
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      SolrDocuments.write(FULL, w);
    }
    assertEquals(FULL, SolrDocuments.read(JsonParser.parseString(out.toString()).getAsJsonObject()));
  }

  @Test
  void theConfigsetZipHoldsTheSchemaAndTheConfig() throws Exception {
    Set<String> names = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SolrAdmin.configsetZip()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) names.add(e.getName());
    }
    assertEquals(Set.of("schema.xml", "solrconfig.xml"), names);
  }

  @Test
  void sourcesAreDeletedByQuotedExactTerms() {
    assertEquals("source:(\"/a/b.html\" OR \"/c/\\\"d\\\".txt\")", SolrArticleSink.bySource(List.of("/a/b.html", "/c/\"d\".txt")));
  }
}
