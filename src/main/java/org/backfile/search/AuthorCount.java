package org.backfile.search;

/** An author and how many articles carry their name. */
public record AuthorCount(String name, long count) {}
