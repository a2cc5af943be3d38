package org.backfile.cli;

import java.util.List;

/**
 * Quiet by default (warnings from our own code only; the parsers' chatter is dropped), useful at
 * {@code --verbose}. slf4j-simple reads these properties once, when the first logger is made, so
 * this runs before anything logs.
 */
final class Logging {

  /** Held so the level set on it is not lost to garbage collection (JUL keeps weak references). */
  private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

  private Logging() {}

  static void configure(String[] args) {
    List<String> list = List.of(args);
    boolean verbose = list.contains("--verbose") || list.contains("-v");
    set("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
    set("org.slf4j.simpleLogger.log.org.backfile", verbose ? "debug" : "warn");
    set("org.slf4j.simpleLogger.log.org.backfile.ingest.BulkImporter", verbose ? "debug" : "error");
    set("org.slf4j.simpleLogger.log.org.eclipse.jetty", verbose ? "info" : "warn");
    set("org.slf4j.simpleLogger.showDateTime", "true");
    set("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    set("org.slf4j.simpleLogger.showThreadName", verbose ? "true" : "false");
    set("org.slf4j.simpleLogger.logFile", "System.err");
    // Lucene logs through java.util.logging (e.g. which vector API it found at start).
    LUCENE.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
  }

  private static void set(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }
}
