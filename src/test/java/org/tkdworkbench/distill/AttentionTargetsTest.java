package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionTargetsTest {

  private static double sum(double[] x) {
    return Arrays.stream(x).sum();
  }

  @Test
  void teacherCurvesAreInterpolatedToTheStudentLength() {
    List<double[]> curves = List.of(new double[] {0, 1, 0}, new double[] {0.5, 0.5, 0});
    List<double[]> t = AttentionTargets.build(AttentionTarget.TEACHER, curves, null, 5, 1, 1);
    // numpy.interp(linspace(0,1,5), linspace(0,1,3), [0,1,0]) = [0, .5, 1, .5, 0] → /2
    assertThat(t.get(0)).containsExactly(new double[] {0, 0.25, 0.5, 0.25, 0}, within(1e-12));
    assertThat(sum(t.get(1))).isCloseTo(1, within(1e-12));
  }

  @Test
  void uniformIsFlat() {
    List<double[]> t = AttentionTargets.build(AttentionTarget.UNIFORM, null, List.<float[][]>of(new float[2][3]), 4, 1, 1);
    assertThat(t).hasSize(1);
    assertThat(t.get(0)).containsExactly(0.25, 0.25, 0.25, 0.25);
  }

  @Test
  void energyIsTheSmoothedMelPowerLikeNumpyConvolveSame() {
    // Mel power 1 in frames 3 and 4 of 8 (log-mel 0 there, "silence" −30 elsewhere), two bands.
    float[][] logMel = new float[8][2];
    for (int f = 0; f < 8; f++) {
      Arrays.fill(logMel[f], f == 3 || f == 4 ? 0f : -30f);
    }
    double[] e = AttentionTargets.energy(logMel, 3);
    // numpy.convolve([0,0,0,2,2,0,0,0], ones(3)/3, "same") = [0,0,2/3,4/3,4/3,2/3,0,0] (+ ~e^-30)
    double[] want = {0, 0, 2 / 3.0, 4 / 3.0, 4 / 3.0, 2 / 3.0, 0, 0};
    assertThat(e).containsExactly(want, within(1e-9));
    // An even width, where numpy's centring matters: printed by numpy 2.4,
    // numpy.convolve([0,0,0,2,2,0,0,0], ones(4)/4, "same") = [0, 0, .5, 1, 1, 1, .5, 0].
    double[] e4 = AttentionTargets.energy(logMel, 4);
    assertThat(e4).containsExactly(new double[] {0, 0, 0.5, 1, 1, 1, 0.5, 0}, within(1e-9));

    List<double[]> t = AttentionTargets.build(AttentionTarget.ENERGY, null, List.<float[][]>of(logMel), 8, 3, 1);
    assertThat(t.get(0)).containsExactly(new double[] {0, 0, 1 / 6.0, 2 / 6.0, 2 / 6.0, 1 / 6.0, 0, 0}, within(1e-9));
  }

  @Test
  void shuffledGivesEveryClipAnotherClipsCurveTheSameForTheSameSeed() {
    List<double[]> curves = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      double[] c = new double[7];
      c[i] = 1; // clip i peaks at token i
      curves.add(c);
    }
    List<double[]> a = AttentionTargets.build(AttentionTarget.SHUFFLED, curves, null, 7, 1, 42);
    List<double[]> b = AttentionTargets.build(AttentionTarget.SHUFFLED, curves, null, 7, 1, 42);
    List<double[]> other = AttentionTargets.build(AttentionTarget.SHUFFLED, curves, null, 7, 1, 43);
    boolean[] used = new boolean[7];
    boolean differs = false;
    for (int i = 0; i < 7; i++) {
      int peak = PeakInSpan.argmax(toFloat(a.get(i)));
      assertThat(peak).as("clip %d keeps its own curve", i).isNotEqualTo(i);
      assertThat(used[peak]).as("each curve used once").isFalse();
      used[peak] = true;
      assertThat(b.get(i)).containsExactly(a.get(i));
      differs |= !Arrays.equals(a.get(i), other.get(i));
    }
    assertThat(differs).as("another seed pairs differently").isTrue();
  }

  @Test
  void derangementsHaveNoFixedPointAndAreSpread() {
    Random r = new Random(5);
    int[] counts = new int[3];
    for (int k = 0; k < 3000; k++) {
      int[] p = AttentionTargets.derangement(3, r);
      assertThat(p[0]).isNotZero();
      assertThat(p[1]).isNotEqualTo(1);
      assertThat(p[2]).isNotEqualTo(2);
      counts[p[0]]++;
    }
    // The two derangements of 3 elements are equally likely: p[0] is 1 or 2 half the time each.
    assertThat(counts[1]).isBetween(1350, 1650);
    assertThat(AttentionTargets.derangement(1, r)).containsExactly(0);
  }

  @Test
  void namesAndBadInput() {
    assertThat(AttentionTarget.fromCliName("Energy")).isEqualTo(AttentionTarget.ENERGY);
    assertThatThrownBy(() -> AttentionTarget.fromCliName("random"))
        .hasMessage("target: must be one of teacher, energy, uniform, shuffled, found 'random'");
    assertThatThrownBy(() -> AttentionTargets.build(AttentionTarget.UNIFORM, null, List.<float[][]>of(new float[1][1]), 0, 1, 1))
        .hasMessageContaining("length must be ≥ 1, found 0");
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
