package org.tkdworkbench.runs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a run is in its life. {@code status.json} stores one of {@link #RUNNING}, {@link
 * #FINISHED}, {@link #FAILED} and {@link #CANCELLED}; {@link #INTERRUPTED} is never written: a
 * reader derives it for a run whose file says {@code running} but whose writer is gone (see {@link
 * RunStore} for the rule).
 */
public enum RunState {
  RUNNING,
  FINISHED,
  FAILED,
  CANCELLED,
  INTERRUPTED;

  /** The name in {@code status.json} and on the command line: {@code running}, {@code failed}... */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named {@code id} (case-insensitive). */
  @JsonCreator
  public static RunState fromId(String id) {
    for (RunState s : values()) {
      if (s.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "state must be running, finished, failed or cancelled, found \"" + id + "\"");
  }
}
