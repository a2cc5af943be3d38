package org.backfile.search;

/** One result of ranked free-text retrieval: an article id and its score, best first. */
public record RankedHit(String id, float score) {}
