package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.runs.ClipResults;

class PerClipTest {
  @Test
  void softmaxProbabilityOfTheTopClassAndWhetherItIsALabel() {
    Clip clip = new Clip("x.wav", Path.of("x.wav"), "b", Split.TEST);
    // logits (0, ln 3): softmax (1/4, 3/4), top class b
    ClipResults.Clip r = PerClip.result("test", clip, List.of("a", "b"), new float[] {0, (float) Math.log(3)}, false,
        new double[] {0.5}, null, null);
    assertThat(r.predicted()).isEqualTo("b");
    assertThat(r.correct()).isTrue();
    assertThat(r.probability()).isCloseTo(0.75, within(1e-6));
    // multi-label: sigmoid of the top logit; ln 3 gives 3/4 again
    ClipResults.Clip m = PerClip.result("test", clip, List.of("a", "b"), new float[] {(float) Math.log(3), -5}, true,
        new double[] {0.5}, null, null);
    assertThat(m.predicted()).isEqualTo("a");
    assertThat(m.correct()).isFalse();
    assertThat(m.probability()).isCloseTo(0.75, within(1e-6));
  }

  @Test
  void aClipsOwnStepsOfAPaddedRowAreRenormalisedAndCentredOnItsTime() {
    // row of a batch with 4 steps; the clip owns the first 2: weights 1 and 3 of the 4 rows' values
    float[] logA = {9, 9, 9, 9, (float) Math.log(0.1), (float) Math.log(0.3), (float) Math.log(0.6), 0};
    assertThat(PerClip.renormalisedExp(logA, 4, 2)).containsExactly(new double[] {0.25, 0.75}, within(1e-6));
    assertThat(PerClip.stepCentres(4, 1.0)).containsExactly(0.125, 0.375, 0.625, 0.875);
  }
}
