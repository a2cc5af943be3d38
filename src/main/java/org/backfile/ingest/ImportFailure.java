package org.backfile.ingest;

/** A file that was not imported, and why. */
public record ImportFailure(String source, ExtractionException.Reason reason, String message) {}
