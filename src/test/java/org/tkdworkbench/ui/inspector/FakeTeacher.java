package org.tkdworkbench.ui.inspector;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.models.TeacherSpec;

/**
 * A teacher with hand-made attention: L = 2 layers, H = 2 heads, 10 frames per token (so a 1 s clip
 * of 101 frames has T = 10 tokens). In every row of layer l, head h, 0.6 of the weight sits on
 * input token {@link #peak}(l, h) and the rest is spread evenly, so each row sums to 1 and every
 * head's peak is known. It always answers {@code yes} with logits (0, 2): p = 0.881.
 */
public final class FakeTeacher implements AttentionTeacher {
  public static final int LAYERS = 2;
  public static final int HEADS = 2;
  public static final List<String> CLASSES = List.of("no", "yes");

  public final AtomicInteger inferences = new AtomicInteger();
  public volatile boolean closed;
  private final TeacherSpec spec =
      new TeacherSpec(
          1,
          FeatureSpec.defaults(),
          CLASSES,
          false,
          new TeacherConfig(10, 10, 16, LAYERS, HEADS, 32, 0.0),
          "fake",
          "0",
          "fingerprint",
          1);

  /** Peak input token (0-based, without c1) of layer l, head h for a clip of T tokens. */
  public static int peak(int l, int h, int tokens) {
    return (1 + 5 * l + 2 * h) % tokens;
  }

  @Override
  public TeacherSpec spec() {
    return spec;
  }

  @Override
  public TeacherOutput infer(float[][] logMel) {
    inferences.incrementAndGet();
    int t = spec.config().tokenCount(logMel.length);
    float[][][][] att = new float[LAYERS][HEADS][t + 1][t + 1];
    for (int l = 0; l < LAYERS; l++) {
      for (int h = 0; h < HEADS; h++) {
        for (float[] row : att[l][h]) {
          java.util.Arrays.fill(row, 0.4f / (t + 1));
          row[1 + peak(l, h, t)] += 0.6f;
        }
      }
    }
    double[] times = new double[t];
    for (int i = 0; i < t; i++) {
      times[i] = spec.tokenTime(i);
    }
    return new TeacherOutput(new float[] {0, 2}, att, times);
  }

  @Override
  public void close() {
    closed = true;
  }
}
