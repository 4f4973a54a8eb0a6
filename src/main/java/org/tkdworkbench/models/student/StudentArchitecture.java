package org.tkdworkbench.models.student;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The student families of the paper; {@link #cliName()} is the name used on the command line and in JSON. */
public enum StudentArchitecture {
  /** LSTM with a projection layer, mean-pooled over time. */
  LSTM_P("lstm-p"),
  /** Temporal-convolution ResNet: mel bands as channels, residual blocks with stride. */
  TC_RESNET("tc-resnet"),
  /** 2-D convolutions on (time, mel), then a GRU. */
  CRNN("crnn"),
  /** Convolutions, bidirectional LSTMs, one attention over time. */
  ATT_RNN("att-rnn"),
  /** As Att-RNN with several attention heads (bidirectional GRUs as in kws_streaming). */
  MHATT_RNN("mhatt-rnn");

  private final String cliName;

  StudentArchitecture(String cliName) {
    this.cliName = cliName;
  }

  @JsonValue
  public String cliName() {
    return cliName;
  }

  /** Whether the architecture attends over time itself (its attention is supervised directly). */
  public boolean hasOwnAttention() {
    return this == ATT_RNN || this == MHATT_RNN;
  }

  /**
   * The architecture called {@code s} (case-insensitive; {@code _} accepted for {@code -}).
   *
   * @throws IllegalArgumentException naming the valid names
   */
  @JsonCreator
  public static StudentArchitecture fromCliName(String s) {
    if (s != null) {
      String k = s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      for (StudentArchitecture a : values()) {
        if (a.cliName.equals(k)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown student architecture '" + s + "': expected one of "
            + Arrays.stream(values()).map(StudentArchitecture::cliName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
