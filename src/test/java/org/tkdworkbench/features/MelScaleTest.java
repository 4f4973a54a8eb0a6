package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Slaney mel scale against the examples printed in librosa's own docstrings. */
class MelScaleTest {

  @Test
  void hzToMelMatchesLibrosaDocstring() {
    // librosa.hz_to_mel(60) -> 0.9; hz_to_mel([110, 220, 440]) -> [1.65, 3.3, 6.6]
    assertThat(MelScale.hzToMel(60)).isCloseTo(0.9, within(1e-12));
    assertThat(MelScale.hzToMel(110)).isCloseTo(1.65, within(1e-12));
    assertThat(MelScale.hzToMel(220)).isCloseTo(3.3, within(1e-12));
    assertThat(MelScale.hzToMel(440)).isCloseTo(6.6, within(1e-12));
  }

  @Test
  void melToHzMatchesLibrosaDocstring() {
    // librosa.mel_to_hz(3) -> 200; mel_to_hz([1, 2, 3, 4, 5]) -> [66.667, 133.333, 200, ...]
    assertThat(MelScale.melToHz(3)).isCloseTo(200.0, within(1e-9));
    assertThat(MelScale.melToHz(1)).isCloseTo(66.667, within(1e-3));
    assertThat(MelScale.melToHz(5)).isCloseTo(333.333, within(1e-3));
  }

  @Test
  void scaleIsLinearBelowOneKilohertzAndLogarithmicAbove() {
    assertThat(MelScale.hzToMel(1000)).isCloseTo(15.0, within(1e-12));
    // 27 mels per factor 6.4 in the log region (Slaney's Auditory Toolbox)
    assertThat(MelScale.hzToMel(6400) - MelScale.hzToMel(1000)).isCloseTo(27.0, within(1e-9));
  }

  @Test
  void conversionsAreInverse() {
    for (double hz = 0; hz <= 24000; hz += 37.5) {
      assertThat(MelScale.melToHz(MelScale.hzToMel(hz))).isCloseTo(hz, within(1e-9 * (1 + hz)));
    }
  }

  @Test
  void melFrequenciesMatchLibrosaDocstring() {
    // librosa.mel_frequencies(n_mels=40) (fmin 0, fmax 11025), as printed in its docstring
    double[] doc = {
      0.0, 85.317, 170.635, 255.952, 341.269, 426.586, 511.904, 597.221, 682.538, 767.855, 853.173,
      938.49, 1024.856, 1119.114, 1222.042, 1334.436, 1457.167, 1591.187, 1737.532, 1897.337,
      2071.84, 2262.393, 2470.47, 2697.686, 2945.799, 3216.731, 3512.582, 3835.643, 4188.417,
      4573.636, 4994.285, 5453.621, 5955.205, 6502.92, 7101.009, 7754.107, 8467.272, 9246.028,
      10096.408, 11025.0
    };
    double[] f = MelScale.melFrequencies(40, 0, 11025);
    assertThat(f).hasSize(40);
    for (int i = 0; i < doc.length; i++) {
      assertThat(f[i]).as("element %d", i).isCloseTo(doc[i], within(1e-3));
    }
    assertThat(f[39]).isEqualTo(11025.0);
  }

  @Test
  void melFrequenciesEdgeCases() {
    assertThat(MelScale.melFrequencies(0, 0, 8000)).isEmpty();
    assertThat(MelScale.melFrequencies(1, 300, 8000))
        .containsExactly(new double[] {300.0}, within(1e-9));
    assertThatThrownBy(() -> MelScale.melFrequencies(-1, 0, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found -1");
    assertThatThrownBy(() -> MelScale.melFrequencies(4, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
