package org.tkdworkbench.distill;

import java.util.List;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.runs.ClipResults;

/** Turns a student's raw outputs for one clip into a {@link ClipResults.Clip} (pure arithmetic). */
final class PerClip {
  private PerClip() {}

  /**
   * {@code exp} of {@code length} log-weights from {@code offset}, renormalised to sum to 1 (the
   * clip's own steps of a padded batch row).
   */
  static double[] renormalisedExp(float[] logWeights, int offset, int length) {
    double[] a = new double[length];
    double sum = 0;
    for (int k = 0; k < length; k++) {
      a[k] = Math.exp(logWeights[offset + k]);
      sum += a[k];
    }
    for (int k = 0; k < length && sum > 0; k++) {
      a[k] /= sum;
    }
    return a;
  }

  /** Centres of {@code steps} equal steps covering {@code seconds}. */
  static double[] stepCentres(int steps, double seconds) {
    double[] t = new double[steps];
    for (int k = 0; k < steps; k++) {
      t[k] = (k + 0.5) * seconds / steps;
    }
    return t;
  }

  /**
   * The record of one clip: the top-scoring class, whether it is one of the clip's labels, and its
   * probability (softmax over the logits, or the sigmoid of its logit when multi-label).
   */
  static ClipResults.Clip result(
      String split,
      Clip clip,
      List<String> classes,
      float[] logits,
      boolean multiLabel,
      double[] times,
      double[] student,
      double[] target) {
    int best = ClassificationMetrics.argMax(logits);
    double p = ClassificationMetrics.topProbability(logits, multiLabel);
    String predicted = classes.get(best);
    return new ClipResults.Clip(
        split, clip.id(), clip.labels(), predicted, clip.labels().contains(predicted), p, times, student, target);
  }
}
