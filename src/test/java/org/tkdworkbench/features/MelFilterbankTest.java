package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Slaney filterbank against librosa's published values and its defining properties. */
class MelFilterbankTest {
  private static final double HZ_PER_MEL_BELOW_1K = 200.0 / 3;
  private static final double MEL_AT_1K = 15; // 1000 Hz / (200/3 Hz per mel)
  private static final double LOG_STEP = Math.log(6.4) / 27; // ln(Hz ratio) per mel above 1 kHz

  /**
   * {@code n} band edges in Hz, evenly spaced on the Slaney mel scale from {@code fmin} to {@code
   * fmax}, worked out here from the scale's definition (linear below 1 kHz, logarithmic above), not
   * taken from {@link MelScale}, which the filterbank itself is built from.
   */
  static double[] slaneyEdgesHz(int n, double fmin, double fmax) {
    double lo = hzToMel(fmin);
    double hi = hzToMel(fmax);
    double[] edges = new double[n];
    for (int i = 0; i < n; i++) {
      double mel = lo + (hi - lo) * i / (n - 1);
      edges[i] =
          mel < MEL_AT_1K
              ? mel * HZ_PER_MEL_BELOW_1K
              : 1000 * Math.exp((mel - MEL_AT_1K) * LOG_STEP);
    }
    return edges;
  }

  private static double hzToMel(double hz) {
    return hz < 1000 ? hz / HZ_PER_MEL_BELOW_1K : MEL_AT_1K + Math.log(hz / 1000) / LOG_STEP;
  }

  @Test
  void closedFormEdgesAgreeWithTheDefinitionAtItsCorners() {
    // 1 kHz is 15 mel on both branches; 6.4 kHz is 27 mel further up.
    double[] edges = slaneyEdgesHz(3, 0, 6400);
    assertThat(edges[0]).isZero();
    assertThat(edges[2]).isCloseTo(6400, within(1e-9));
    assertThat(edges[1]).isCloseTo(1000 * Math.exp(6 * LOG_STEP), within(1e-9)); // 21 mel
  }

  @Test
  void firstFilterMatchesLibrosaPublishedValues() {
    // librosa.filters.mel(sr=22050, n_fft=2048)[0, :6], librosa's docs and issue tracker
    float[] published = {0f, 0.016182853f, 0.032365706f, 0.028990088f, 0.012807235f, 0f};
    float[][] fb = MelFilterbank.slaney(22050, 2048, 128, 0, 11025);

    assertThat(fb.length).isEqualTo(128);
    assertThat(fb[0]).hasSize(1025);
    for (int k = 0; k < published.length; k++) {
      assertThat((double) fb[0][k])
          .as("bin %d", k)
          .isCloseTo(published[k], within(1e-7 * published[k] + 1e-12));
    }
    for (int k = published.length; k < fb[0].length; k++) {
      assertThat(fb[0][k]).as("bin %d", k).isZero();
    }
  }

  @Test
  void eachBandPeaksAtItsMelCentreAndIsAreaNormalised() {
    int sr = 16000;
    int nFft = 4096; // fine bins, so the sampled triangle is close to the continuous one
    int nMels = 40;
    float[][] fb = MelFilterbank.slaney(sr, nFft, nMels, 0, 8000);
    double[] edges = slaneyEdgesHz(nMels + 2, 0, 8000);
    double binHz = (double) sr / nFft;
    for (int m = 0; m < nMels; m++) {
      int peak = 0;
      double area = 0;
      for (int k = 0; k < fb[m].length; k++) {
        if (fb[m][k] > fb[m][peak]) {
          peak = k;
        }
        area += fb[m][k] * binHz;
      }
      // The triangle peaks at edges[m + 1] and is zero outside (edges[m], edges[m + 2]).
      assertThat(peak * binHz).as("peak of band %d", m).isCloseTo(edges[m + 1], within(binHz));
      for (int k = 0; k < fb[m].length; k++) {
        double f = k * binHz;
        if (f <= edges[m] || f >= edges[m + 2]) {
          assertThat(fb[m][k]).as("band %d at %.1f Hz", m, f).isZero();
        }
      }
      // Slaney norm: height 2 / (right - left), so the area in Hz is 1.
      assertThat(area).as("area of band %d", m).isCloseTo(1.0, within(0.02));
    }
  }

  @Test
  void sparseFormKeepsExactlyTheNonZeroRun() {
    float[][] fb = MelFilterbank.slaney(16000, 512, 40, 0, 8000);
    MelFilterbank.Sparse s = MelFilterbank.sparse(fb);
    for (int m = 0; m < fb.length; m++) {
      float[] rebuilt = new float[fb[m].length];
      System.arraycopy(s.weights()[m], 0, rebuilt, s.start()[m], s.weights()[m].length);
      assertThat(rebuilt).as("band %d", m).containsExactly(fb[m]);
      assertThat(s.weights()[m].length).isLessThan(fb[m].length / 4);
    }
  }

  @Test
  void emptyBandsStayEmpty() {
    // 128 mels on a 64-point FFT: librosa warns about empty filters; they must be all-zero rows.
    float[][] fb = MelFilterbank.slaney(16000, 64, 128, 0, 8000);
    MelFilterbank.Sparse s = MelFilterbank.sparse(fb);
    int empty = 0;
    for (int m = 0; m < fb.length; m++) {
      if (s.weights()[m].length == 0) {
        empty++;
      }
    }
    assertThat(empty).isPositive();
  }

  @Test
  void rejectsBadParametersNamingThem() {
    assertThatThrownBy(() -> MelFilterbank.slaney(0, 512, 40, 0, 8000))
        .hasMessageContaining("sample_rate")
        .hasMessageContaining("found 0");
    assertThatThrownBy(() -> MelFilterbank.slaney(16000, 512, 0, 0, 8000))
        .hasMessageContaining("n_mels");
    assertThatThrownBy(() -> MelFilterbank.slaney(16000, 512, 40, 500, 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fmax")
        .hasMessageContaining("found 400");
  }
}
