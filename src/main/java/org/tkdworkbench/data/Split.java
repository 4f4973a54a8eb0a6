package org.tkdworkbench.data;

import java.util.Locale;

/** Which part of a dataset a clip belongs to. */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST;

  /** Lower-case name for tables and reports, e.g. "validation". */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
