package org.backfile.search;

import java.util.Map;

/**
 * What makes an export citable and repeatable: the exact query, filters and order, the version of
 * the index it ran on, how many rows follow and when.
 */
public record ExportHeader(String query, Map<String, String> filters, String sort,
    long indexVersion, long total, String exportedAt) {

  public ExportHeader {
    filters = Map.copyOf(filters);
  }
}
