package org.backfile.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backfile.index.ArchiveIndex;
import org.backfile.ingest.Article;
import org.backfile.ingest.ImportJournal;
import org.backfile.ingest.JournalEntry;
import org.backfile.search.ExportHeader;
import org.backfile.search.ExportSink;
import org.backfile.search.LuceneArchiveSearch;
import org.backfile.search.SearchRequest;
import org.backfile.solr.SolrArticleSink;
import org.backfile.solr.SolrCollection;

/**
 * Moves an embedded archive into a Solr collection as it is: every article with its id and source
 * (so links to /articles/ID keep working), then the import journal, so that importing the same
 * folders into Solr afterwards skips the files that have not changed.
 */
final class SolrCopy {

  private SolrCopy() {}

  /** @return articles copied */
  static long run(Path indexDir, SolrCollection solr, Path journalDir) throws IOException {
    try (ArchiveIndex index = ArchiveIndex.openReadOnly(indexDir)) {
      SolrArticleSink sink = new SolrArticleSink(solr, journalDir);
      long copied = new LuceneArchiveSearch(index).export(
          new SearchRequest("", null, null, null, null, SearchRequest.Sort.OLDEST, 1, 1), new ExportSink() {
            @Override
            public void header(ExportHeader header) {}

            @Override
            public void row(Article article) throws IOException {
              sink.add(article);
            }
          });
      Files.createDirectories(journalDir);
      ImportJournal from = ImportJournal.read(index.dir(), index.commitData());
      ImportJournal to = ImportJournal.open(journalDir, sink.commitData());
      for (JournalEntry e : from.entries()) to.append(e);
      sink.commit(to.sync()); // the articles and the journal that names them, together
      return copied;
    }
  }
}
