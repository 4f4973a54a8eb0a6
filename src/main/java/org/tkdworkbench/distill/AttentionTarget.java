package org.tkdworkbench.distill;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the student's attention is pulled towards. {@link #TEACHER} is the method; the others are
 * the controls of DESIGN §1 that tell whether it is the <em>teacher's</em> attention that helps: a
 * flat curve, the clip's smoothed energy (in stationary noise, loudness already says where the
 * keyword is), and another clip's teacher curve (right shape, wrong place).
 */
public enum AttentionTarget {
  TEACHER("teacher"),
  ENERGY("energy"),
  UNIFORM("uniform"),
  SHUFFLED("shuffled");

  private final String cliName;

  AttentionTarget(String cliName) {
    this.cliName = cliName;
  }

  /** Whether this target is made of the teacher's curves (its own, or another clip's). */
  public boolean usesTeacherCurves() {
    return this == TEACHER || this == SHUFFLED;
  }

  public String cliName() {
    return cliName;
  }

  /** The target named {@code name} on the command line. */
  public static AttentionTarget fromCliName(String name) {
    for (AttentionTarget t : values()) {
      if (t.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "target: must be one of "
            + Arrays.stream(values()).map(AttentionTarget::cliName).collect(Collectors.joining(", "))
            + ", found '"
            + name
            + "'");
  }
}
