package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.data.noisy.KeywordSpan;

class TeacherEvaluationTest {
  private static ClipKnowledge k(String id, float[] logits, float[] curve) {
    double[] times = new double[curve.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = 0.5 + i; // tokens at 0.5, 1.5, 2.5 s
    }
    return new ClipKnowledge(id, logits, curve, times);
  }

  private static Clip clip(String id, String... labels) {
    return new Clip(id, Path.of("/x/" + id), List.of(labels), Split.TEST);
  }

  @Test
  void accuracyAndPeakInSpanOnHandCheckedClips() {
    Knowledge know =
        new Knowledge(
            "t",
            List.of("a", "b"),
            RolloutMethod.ROLLOUT,
            HeadFusion.MEAN,
            Map.of(
                "1", k("1", new float[] {2, 1}, new float[] {0.7f, 0.2f, 0.1f}),
                "2", k("2", new float[] {2, 1}, new float[] {0.1f, 0.2f, 0.7f}),
                "3", k("3", new float[] {0, 1}, new float[] {0.2f, 0.6f, 0.2f})));
    List<Clip> clips = List.of(clip("1", "a"), clip("2", "b"), clip("3", "b"), clip("4", "a"));
    Map<String, KeywordSpan> spans =
        Map.of(
            "1", KeywordSpan.of("1", 0.2, 0.8), // peak 0.5: inside
            "2", KeywordSpan.of("2", 0.0, 1.0), // peak 2.5: 1.5 s after the end
            "4", KeywordSpan.of("4", 0.0, 1.0)); // no knowledge
    TeacherEvaluation e = TeacherEvaluation.of(know, clips, false, spans);
    // 1: a ✓, 2: predicts a, is b ✗, 3: b ✓; 4 has no knowledge
    assertThat(e.clips()).isEqualTo(3);
    assertThat(e.correct()).isEqualTo(2);
    assertThat(e.value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(e.missing()).containsExactly("4");
    assertThat(e.withoutSpan()).isEqualTo(1);
    assertThat(e.peaks().clips()).isEqualTo(2);
    assertThat(e.peaks().inside()).isEqualTo(1);
    assertThat(e.peaks().share()).isEqualTo(0.5);
    assertThat(e.peaks().meanDistanceSeconds()).isCloseTo(0.75, within(1e-12));
    assertThat(TeacherEvaluation.of(know, clips, false, null).peaks()).isNull();
  }

  @Test
  void meanAveragePrecisionForMultiLabel() {
    // A ranking: 1 (3), 3 (2), 2 (1); positives 1, 2 → AP = (1/1 + 2/3) / 2 = 5/6
    // B ranking: 2 (2), 3 (1), 1 (0); positives 2, 3 → AP = (1/1 + 2/2) / 2 = 1
    Knowledge know =
        new Knowledge(
            "t",
            List.of("A", "B"),
            null,
            null,
            Map.of(
                "1", k("1", new float[] {3, 0}, new float[] {1}),
                "2", k("2", new float[] {1, 2}, new float[] {1}),
                "3", k("3", new float[] {2, 1}, new float[] {1})));
    TeacherEvaluation e =
        TeacherEvaluation.of(know, List.of(clip("1", "A"), clip("2", "A", "B"), clip("3", "B")), true, null);
    assertThat(e.metricName()).isEqualTo("mAP");
    assertThat(e.value()).isCloseTo(11.0 / 12, within(1e-12));
  }

  @Test
  void labelsTheTeacherDoesNotKnowAreRefused() {
    Knowledge know = new Knowledge("t", List.of("a"), null, null, Map.of());
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> TeacherEvaluation.of(know, List.of(clip("1", "z")), false, null));
    assertThat(ex.getMessage()).contains("does not know: z");
  }
}
