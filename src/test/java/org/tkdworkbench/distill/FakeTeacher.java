package org.tkdworkbench.distill;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.models.TeacherSpec;

/**
 * A teacher whose answer is known: in both layers and heads, {@code c1} puts 0.8 on the loudest
 * token (highest mean log-mel) and spreads 0.2 over the others; tokens attend to themselves. It
 * predicts class 0 when that token is in the first half of the clip, else class 1. Counts calls.
 */
public final class FakeTeacher implements AttentionTeacher {
  public final AtomicInteger calls = new AtomicInteger();
  private final TeacherSpec spec;

  public FakeTeacher(List<String> classes) {
    this.spec =
        new TeacherSpec(
            1,
            FeatureSpec.defaults(),
            classes,
            false,
            new TeacherConfig(4, 4, 16, 2, 2, 32, 0.0),
            "fake",
            "0",
            "",
            0);
  }

  @Override
  public TeacherSpec spec() {
    return spec;
  }

  @Override
  public TeacherOutput infer(float[][] logMel) {
    calls.incrementAndGet();
    TeacherConfig cfg = spec.config();
    int t = cfg.tokenCount(logMel.length);
    double[] energy = new double[t];
    int peak = 0;
    for (int i = 0; i < t; i++) {
      int n = 0;
      for (int f = i * cfg.tokenStride(); f < Math.min(logMel.length, i * cfg.tokenStride() + cfg.framesPerToken()); f++) {
        for (float v : logMel[f]) {
          energy[i] += v;
          n++;
        }
      }
      energy[i] /= Math.max(1, n);
      if (energy[i] > energy[peak]) {
        peak = i;
      }
    }
    float[][] m = new float[t + 1][t + 1];
    for (int i = 1; i <= t; i++) {
      m[i][i] = 1;
    }
    for (int j = 1; j <= t; j++) {
      m[0][j] = t == 1 ? 1f : 0.2f / (t - 1);
    }
    if (t > 1) {
      m[0][peak + 1] = 0.8f;
    }
    float[][][][] att = {{m, m}, {m, m}};
    float[] logits = new float[spec.classes().size()];
    logits[peak < t / 2.0 ? 0 : Math.min(1, logits.length - 1)] = 3f;
    double[] times = new double[t];
    for (int i = 0; i < t; i++) {
      times[i] = spec.tokenTime(i);
    }
    return new TeacherOutput(logits, att, times);
  }

  @Override
  public void close() {}
}
