package org.tkdworkbench.distill;

import java.util.Arrays;
import java.util.Comparator;

/** Accuracy for single-label and mean average precision for multi-label classification. */
public final class ClassificationMetrics {
  private ClassificationMetrics() {}

  /** Share of rows whose arg-max equals the target (NaN for no rows). */
  public static double accuracy(float[][] scores, int[] targets) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    int right = 0;
    for (int i = 0; i < scores.length; i++) {
      if (argMax(scores[i]) == targets[i]) {
        right++;
      }
    }
    return right / (double) scores.length;
  }

  public static int argMax(float[] v) {
    int best = 0;
    for (int j = 1; j < v.length; j++) {
      if (v[j] > v[best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * The probability of the top-scoring class {@code argMax(logits)}: its softmax over the logits
   * (single-label), or the sigmoid of its logit (multi-label, one Bernoulli per class).
   */
  public static double topProbability(float[] logits, boolean multiLabel) {
    int top = argMax(logits);
    if (multiLabel) {
      return 1 / (1 + Math.exp(-logits[top]));
    }
    double sum = 0;
    for (float z : logits) {
      sum += Math.exp(z - logits[top]);
    }
    return 1 / sum;
  }

  /**
   * Mean over classes of the average precision (scikit-learn's definition: the mean of the
   * precision at the rank of every positive, scores sorted descending; ties broken by order). Classes
   * without a positive are left out; NaN if no class has one.
   */
  public static double meanAveragePrecision(float[][] scores, float[][] targets) {
    if (scores.length == 0) {
      return Double.NaN;
    }
    int classes = scores[0].length;
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < classes; c++) {
      double ap = averagePrecision(scores, targets, c);
      if (!Double.isNaN(ap)) {
        sum += ap;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** Average precision of class {@code c}; NaN if it has no positive. */
  public static double averagePrecision(float[][] scores, float[][] targets, int c) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i][c]));
    int positives = 0;
    double sum = 0;
    for (int rank = 0; rank < order.length; rank++) {
      if (targets[order[rank]][c] > 0.5f) {
        positives++;
        sum += positives / (double) (rank + 1);
      }
    }
    return positives == 0 ? Double.NaN : sum / positives;
  }
}
