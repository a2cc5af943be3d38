package org.backfile.solr;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.backfile.index.ArticleSchema;
import org.backfile.ingest.Article;
import org.backfile.search.ArchiveWriter;

/**
 * Changes while serving, on Solr: each is acknowledged once every live replica's transaction log
 * holds it (durable), and a soft commit makes it searchable before the call returns.
 */
public final class SolrArchiveWriter implements ArchiveWriter {

  private final SolrCollection solr;
  private final SolrArchiveSearch search;

  public SolrArchiveWriter(SolrCollection solr) {
    this.solr = solr;
    this.search = new SolrArchiveSearch(solr);
  }

  @Override
  public Article add(Article article) {
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      w.beginObject().name("add").beginObject().name("doc");
      SolrDocuments.write(article, w);
      w.endObject().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    solr.update(out.toString(), SolrParams.of("softCommit", "true"));
    return article;
  }

  @Override
  public boolean delete(String id) {
    if (search.document(id, ArticleSchema.ID).isEmpty()) return false;
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      w.beginObject().name("delete").beginObject().name("id").value(id).endObject().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    solr.update(out.toString(), SolrParams.of("softCommit", "true"));
    return true;
  }
}
