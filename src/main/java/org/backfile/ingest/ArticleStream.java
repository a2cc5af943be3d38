package org.backfile.ingest;

/**
 * Receives a file's articles one at a time, in file order, as a splitter reads them: a file of a
 * million articles is never held as a list. The receiver may block (an import hands articles to
 * writer threads through a bounded queue), so memory stays bounded whatever the file's size.
 */
@FunctionalInterface
public interface ArticleStream {

  void accept(Article article) throws InterruptedException;
}
