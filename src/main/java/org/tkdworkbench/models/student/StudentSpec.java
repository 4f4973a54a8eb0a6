package org.tkdworkbench.models.student;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Which student and how big: an architecture, a size preset, and two knobs on top of the preset.
 *
 * <p>{@code width} multiplies every channel and unit count of the preset (convolution filters,
 * recurrent units, projections, dense layers), each rounded to the nearest integer and at least 1;
 * structural sizes stay fixed (kernel sizes, strides, the single-channel last convolution of the
 * attention students, attention heads). {@code depth} is an explicit count of the architecture's
 * repeated unit, 0 meaning the preset's: LSTM layers (each with its projection) for LSTM-P, residual
 * blocks for TC-ResNet (the preset's channel list is cut, or its last entry repeated), GRU layers
 * for CRNN, bidirectional recurrent layers for Att-RNN and MHAtt-RNN. {@code width = 1, depth = 0}
 * is the preset as documented on each student.
 *
 * @param architecture the student family
 * @param preset the base sizes
 * @param width multiplier on channels and units, in (0, 16]
 * @param depth repeated units, 0 for the preset's, at most 32
 * @param mels mel bands per input frame
 * @param classes logits
 */
public record StudentSpec(
    @JsonProperty("architecture") StudentArchitecture architecture,
    @JsonProperty("preset") StudentPreset preset,
    @JsonProperty("width") double width,
    @JsonProperty("depth") int depth,
    @JsonProperty("mels") int mels,
    @JsonProperty("classes") int classes) {

  /** Largest {@link #width}. */
  public static final double MAX_WIDTH = 16;
  /** Largest {@link #depth}. */
  public static final int MAX_DEPTH = 32;

  /** The preset as is (width 1, preset depth). */
  public static StudentSpec of(StudentArchitecture architecture, StudentPreset preset, int mels, int classes) {
    return new StudentSpec(architecture, preset, 1.0, 0, mels, classes);
  }

  /** {@code n} scaled by {@link #width}: rounded, at least 1. */
  int scaled(int n) {
    return (int) Math.max(1, Math.round(n * width));
  }

  /** {@link #depth}, or {@code presetDepth} when it is 0. */
  int depthOr(int presetDepth) {
    return depth == 0 ? presetDepth : depth;
  }

  /** Every problem, as {@code student.field: rule, found value}; empty when the spec is usable. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    if (architecture == null) {
      p.add("student.architecture: must be one of lstm-p, tc-resnet, crnn, att-rnn, mhatt-rnn, found null");
    }
    if (preset == null) {
      p.add("student.preset: must be one of small, paper, found null");
    }
    if (!(width > 0 && width <= MAX_WIDTH)) {
      p.add("student.width: must be in (0, " + (int) MAX_WIDTH + "], found " + width);
    }
    if (depth < 0 || depth > MAX_DEPTH) {
      p.add("student.depth: must be in 0.." + MAX_DEPTH + " (0 = the preset's), found " + depth);
    }
    if (mels < 1 || mels > 1024) {
      p.add("student.mels: must be in 1..1024, found " + mels);
    } else if (architecture == StudentArchitecture.CRNN && preset != null && mels < CrnnStudent.minMels(this)) {
      p.add("student.mels: must be at least " + CrnnStudent.minMels(this)
          + " for crnn (its convolutions do not pad the mel axis), found " + mels);
    }
    if (classes < 1 || classes > 100_000) {
      p.add("student.classes: must be in 1..100000, found " + classes);
    }
    return p;
  }
}
