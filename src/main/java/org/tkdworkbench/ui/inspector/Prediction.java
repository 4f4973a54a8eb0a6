package org.tkdworkbench.ui.inspector;

import java.util.List;
import java.util.Locale;
import org.tkdworkbench.distill.ClassificationMetrics;

/**
 * The teacher's answer for a clip against the truth.
 *
 * @param predicted the top class
 * @param probability its softmax (single-label) or sigmoid (multi-label) probability
 * @param truth the clip's label(s) as shown
 * @param correct the top class is (one of) the clip's label(s)
 */
public record Prediction(String predicted, double probability, String truth, boolean correct) {
  static Prediction of(
      float[] logits, List<String> classes, boolean multiLabel, List<String> truth) {
    int top = ClassificationMetrics.argMax(logits);
    double p = ClassificationMetrics.topProbability(logits, multiLabel);
    String name = top < classes.size() ? classes.get(top) : "class " + top;
    return new Prediction(name, p, String.join(";", truth), truth.contains(name));
  }

  /** "predicted yes (93 %) · true yes". */
  public String text() {
    return String.format(
        Locale.ROOT, "predicted %s (%.0f %%) · true %s", predicted, 100 * probability, truth);
  }
}
