package org.tkdworkbench.distill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * @param perClip each scored clip, in the order given
 */
public record TeacherEvaluation(
    int clips,
    boolean multiLabel,
    int correct,
    double value,
    PeakInSpan.Summary peaks,
    List<String> missing,
    int withoutSpan,
    List<ClipScore> perClip) {

  /**
   * One clip's outcome.
   *
   * @param clipId the clip
   * @param labels its true labels
   * @param predicted the arg-max class (single-label) or the classes with a positive logit
   *     (multi-label)
   * @param correct single-label: whether the prediction is the label; multi-label: whether the
   *     predicted set is exactly the labels
   * @param peak the attention peak against the clip's keyword span, null without a span
   */
  public record ClipScore(String clipId, List<String> labels, List<String> predicted, boolean correct, PeakInSpan.Hit peak) {}

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
          "the dataset has labels the teacher does not know: "
              + String.join(", ", unknown)
              + " (teacher classes: "
              + String.join(", ", knowledge.classes())
              + ")");
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
    List<ClipScore> perClip = new ArrayList<>();
    List<PeakInSpan.Hit> hits = new ArrayList<>();
    int withoutSpan = 0;
    for (Clip c : scored) {
      ClipKnowledge ck = knowledge.clips().get(c.id());
      float[] z = ck.logits();
      List<String> predicted = new ArrayList<>();
      if (multiLabel) {
        for (int k = 0; k < z.length; k++) {
          if (z[k] > 0) { // sigmoid above one half
            predicted.add(knowledge.classes().get(k));
          }
        }
      } else {
        int best = 0;
        for (int k = 1; k < z.length; k++) {
          if (z[k] > z[best]) {
            best = k;
          }
        }
        predicted.add(knowledge.classes().get(best));
      }
      boolean right = multiLabel ? new HashSet<>(predicted).equals(new HashSet<>(c.labels())) : predicted.equals(c.labels());
      KeywordSpan s = spans == null ? null : spans.get(c.id());
      PeakInSpan.Hit hit = s == null ? null : PeakInSpan.measure(ck, s.startSeconds(), s.endSeconds());
      if (hit != null) {
        hits.add(hit);
      } else if (spans != null) {
        withoutSpan++;
      }
      perClip.add(new ClipScore(c.id(), List.copyOf(c.labels()), List.copyOf(predicted), right, hit));
    }
    int correct = multiLabel ? 0 : (int) perClip.stream().filter(ClipScore::correct).count();
    double value = multiLabel
        ? meanAveragePrecision(knowledge, scored, classIndex)
        : scored.isEmpty() ? Double.NaN : (double) correct / scored.size();
    PeakInSpan.Summary peaks = spans == null ? null : PeakInSpan.summarise(hits);
    return new TeacherEvaluation(
        scored.size(), multiLabel, correct, value, peaks, List.copyOf(missing), withoutSpan, List.copyOf(perClip));
  }

  /** Mean over classes that have a positive clip of the average precision (ties: stable order). */
  static double meanAveragePrecision(
      Knowledge k, List<Clip> clips, Map<String, Integer> classIndex) {
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
