package org.backfile.cli;

import java.io.IOException;
import org.backfile.index.ArchiveIndex;
import org.backfile.search.ArchiveSearch;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.solr.SolrArchiveSearch;
import org.backfile.solr.SolrCollection;

/** An archive opened for reading on the backend the options name; closing releases the index. */
record OpenArchive(ArchiveSearch search, String where, ArchiveIndex index) implements AutoCloseable {

  static OpenArchive readOnly(CommonOptions common, BackendOptions backend) throws IOException {
    if (backend.solr()) {
      SolrCollection solr = backend.solrCollection();
      return new OpenArchive(new SolrArchiveSearch(solr), "Solr collection " + solr.name(), null);
    }
    ArchiveIndex index = ArchiveIndex.openReadOnly(common.index);
    return new OpenArchive(new LuceneArchiveSearch(index), index.dir().toString(), index);
  }

  @Override
  public void close() throws IOException {
    if (index != null) index.close();
  }
}
