package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
  @Test
  void accuracyCountsArgMaxHits() {
    float[][] s = {{0.1f, 0.9f}, {2f, 1f}, {0f, 3f}};
    assertThat(ClassificationMetrics.accuracy(s, new int[] {1, 0, 0})).isCloseTo(2 / 3.0, within(1e-12));
  }

  /**
   * Hand-worked: class 0 scores rank clips 0,1,2,3 with positives at ranks 1 and 3 → AP = (1/1 +
   * 2/3)/2 = 5/6; class 1 ranks clips 3,2,1,0 with its one positive (clip 1) at rank 3 → AP = 1/3;
   * class 2 has no positive and is left out. mAP = (5/6 + 1/3)/2 = 7/12.
   */
  @Test
  void meanAveragePrecisionMatchesAHandWorkedExample() {
    float[][] scores = {{0.9f, 0.1f, 0.5f}, {0.8f, 0.2f, 0.5f}, {0.7f, 0.3f, 0.5f}, {0.6f, 0.4f, 0.5f}};
    float[][] truth = {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 0, 0}};
    assertThat(ClassificationMetrics.averagePrecision(scores, truth, 0)).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(ClassificationMetrics.averagePrecision(scores, truth, 1)).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(ClassificationMetrics.averagePrecision(scores, truth, 2)).isNaN();
    assertThat(ClassificationMetrics.meanAveragePrecision(scores, truth)).isCloseTo(7 / 12.0, within(1e-12));
  }

  @Test
  void batchesCoverEveryIndexOnceAndShuffleReproducibly() {
    int[] idx = {0, 1, 2, 3, 4, 5, 6};
    var a = Batches.shuffled(idx, 3, new java.util.Random(1));
    var b = Batches.shuffled(idx, 3, new java.util.Random(1));
    assertThat(a).hasSize(3);
    assertThat(a.get(2)).hasSize(1);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).containsExactly(b.get(i));
    }
    assertThat(a.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray()).containsExactly(idx);
  }
}
