package org.backfile.search;

import org.backfile.ingest.PartialDate;

/** A "more like this" teaser for an article's sidebar. */
public record RelatedArticle(String id, String title, String summary, PartialDate published, float score) {}
