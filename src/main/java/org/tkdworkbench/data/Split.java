package org.tkdworkbench.data;

import java.util.Locale;
import java.util.Optional;

/** Which part of a dataset a clip belongs to. */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST;

  /** Lower-case name for tables and reports, e.g. "validation". */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The split a manifest value or folder name means, case-insensitive: {@code train}, {@code
   * training}; {@code val}, {@code valid}, {@code validation}, {@code dev}; {@code test}, {@code
   * testing}, {@code eval}. Empty for anything else.
   */
  public static Optional<Split> fromName(String name) {
    switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "train":
      case "training":
        return Optional.of(TRAIN);
      case "val":
      case "valid":
      case "validation":
      case "dev":
        return Optional.of(VALIDATION);
      case "test":
      case "testing":
      case "eval":
        return Optional.of(TEST);
      default:
        return Optional.empty();
    }
  }
}
