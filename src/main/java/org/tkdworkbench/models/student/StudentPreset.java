package org.tkdworkbench.models.student;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Size presets. {@link #SMALL}: 10–50k parameters at 40 mels, sized to train in minutes on two CPU
 * cores on 4 s clips. {@link #PAPER}: the sizes of Google's kws_streaming reference models (each
 * student's class documents where its numbers come from).
 */
public enum StudentPreset {
  SMALL("small"),
  PAPER("paper");

  private final String cliName;

  StudentPreset(String cliName) {
    this.cliName = cliName;
  }

  @JsonValue
  public String cliName() {
    return cliName;
  }

  /**
   * The preset called {@code s} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid names
   */
  @JsonCreator
  public static StudentPreset fromCliName(String s) {
    if (s != null) {
      String k = s.trim().toLowerCase(java.util.Locale.ROOT);
      for (StudentPreset p : values()) {
        if (p.cliName.equals(k)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown student preset '" + s + "': expected one of "
            + Arrays.stream(values()).map(StudentPreset::cliName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
