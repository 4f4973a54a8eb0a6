package org.tkdworkbench.distill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.noisy.KeywordSpan;

/**
 * How good a teacher's knowledge is on a set of clips: accuracy (single-label: the arg-max logit is
 * the clip's label) or mAP (multi-label: mean over classes with a positive clip of the average
 * precision of ranking clips by logit), and, when keyword spans are known, how often the attention
 * curve's peak falls inside the keyword ({@link PeakInSpan}).
 *
 * @param clips clips scored (those with knowledge)
 * @param multiLabel whether {@code value} is mAP (else accuracy)
 * @param correct single-label: clips whose prediction is right (0 for multi-label)
 * @param value accuracy or mAP in [0, 1], NaN for no clips
 * @param peaks the peak-in-span summary over clips that have a span, null when no spans are known
 * @param missing ids of clips asked about that have no knowledge (e.g. unreadable audio)
 * @param withoutSpan clips scored that have no row in the spans file (0 when no spans are known)
 */
public record TeacherEvaluation(
    int clips,
    boolean multiLabel,
    int correct,
    double value,
    PeakInSpan.Summary peaks,
    List<String> missing,
    int withoutSpan) {

  /** "accuracy" or "mAP". */
  public String metricName() {
    return multiLabel ? "mAP" : "accuracy";
  }

  /**
   * Scores {@code knowledge} on {@code clips}.
   *
   * @param spans keyword spans by clip id, or null when the dataset has none
   * @throws IllegalArgumentException when a clip's label is not one of the knowledge's classes (a
   *     teacher of another dataset): the message lists the unknown labels
   */
  public static TeacherEvaluation of(
      Knowledge knowledge, List<Clip> clips, boolean multiLabel, Map<String, KeywordSpan> spans) {
    Map<String, Integer> classIndex = new HashMap<>();
    for (int i = 0; i < knowledge.classes().size(); i++) {
      classIndex.put(knowledge.classes().get(i), i);
    }
    Set<String> unknown = new TreeSet<>();
    for (Clip c : clips) {
      for (String l : c.labels()) {
        if (!classIndex.containsKey(l)) {
          unknown.add(l);
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "the dataset has labels the teacher does not know: " + String.join(", ", unknown)
              + " (teacher classes: " + String.join(", ", knowledge.classes()) + ")");
    }
    List<Clip> scored = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Clip c : clips) {
      if (knowledge.clips().containsKey(c.id())) {
        scored.add(c);
      } else {
        missing.add(c.id());
      }
    }
    int correct = 0;
    double value;
    if (multiLabel) {
      value = meanAveragePrecision(knowledge, scored, classIndex);
    } else {
      for (Clip c : scored) {
        float[] z = knowledge.clips().get(c.id()).logits();
        int best = 0;
        for (int k = 1; k < z.length; k++) {
          if (z[k] > z[best]) {
            best = k;
          }
        }
        correct += best == classIndex.get(c.labels().get(0)) ? 1 : 0;
      }
      value = scored.isEmpty() ? Double.NaN : (double) correct / scored.size();
    }
    PeakInSpan.Summary peaks = null;
    int withoutSpan = 0;
    if (spans != null) {
      List<PeakInSpan.Hit> hits = new ArrayList<>();
      for (Clip c : scored) {
        KeywordSpan s = spans.get(c.id());
        if (s == null) {
          withoutSpan++;
        } else {
          hits.add(PeakInSpan.measure(knowledge.clips().get(c.id()), s.startSeconds(), s.endSeconds()));
        }
      }
      peaks = PeakInSpan.summarise(hits);
    }
    return new TeacherEvaluation(scored.size(), multiLabel, correct, value, peaks, List.copyOf(missing), withoutSpan);
  }

  /** Mean over classes that have a positive clip of the average precision (ties: stable order). */
  static double meanAveragePrecision(Knowledge k, List<Clip> clips, Map<String, Integer> classIndex) {
    double sum = 0;
    int classes = 0;
    for (int j = 0; j < k.classes().size(); j++) {
      final int cls = j;
      String name = k.classes().get(j);
      List<Clip> ranked = new ArrayList<>(clips);
      ranked.sort(Comparator.comparingDouble((Clip c) -> -k.clips().get(c.id()).logits()[cls]));
      int positives = 0;
      double precisionSum = 0;
      for (int r = 0; r < ranked.size(); r++) {
        if (ranked.get(r).labels().contains(name)) {
          positives++;
          precisionSum += (double) positives / (r + 1);
        }
      }
      if (positives > 0) {
        sum += precisionSum / positives;
        classes++;
      }
    }
    return classes == 0 ? Double.NaN : sum / classes;
  }
}
