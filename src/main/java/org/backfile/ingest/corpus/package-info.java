/**
 * A deterministic benchmark corpus: real paragraphs, titles and names from public research
 * collections (20 Newsgroups, Reuters-21578, CACM, Europarl), recombined into any number of
 * articles with authors, dates, sections and tags, written as HTML pages, e-mails or JSONL
 * batches. The same sources, seed and count always give the same bytes.
 */
package org.backfile.ingest.corpus;
