package org.backfile.ingest;

import java.util.Objects;

/** A metadata value and the rule that found it (its provenance, as {@code --explain} shows it). */
record Found<T>(T value, String rule) {
  Found {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rule, "rule");
  }
}
