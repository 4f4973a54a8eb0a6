package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extractor against analytic signals: tones, silence, frame counts, spectrum scale. */
class LogMelExtractorTest {
  private static final FeatureSpec DEFAULT = FeatureSpec.defaults();

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(doubles = {200, 440, 1000, 3000, 5000, 6500, 7500})
  void toneLandsInTheBandWhoseTrianglePeaksNearestItsFrequency(double hz) {
    float[] tone = sine(hz, 0.5, DEFAULT.sampleRate(), DEFAULT.sampleRate());
    float[][] logMel = new LogMelExtractor(DEFAULT).compute(tone);

    // Band i peaks at the (i + 1)-th of nMels + 2 edges evenly spaced in Slaney mel (worked out in
    // the test from the scale's definition, not from MelScale): pick the nearest.
    double[] edges =
        MelFilterbankTest.slaneyEdgesHz(DEFAULT.nMels() + 2, 0, DEFAULT.effectiveFmax());
    int expected = 0;
    for (int i = 0; i < DEFAULT.nMels(); i++) {
      if (Math.abs(edges[i + 1] - hz) < Math.abs(edges[expected + 1] - hz)) {
        expected = i;
      }
    }
    // Every frame that lies wholly inside the tone (not touching the padding) agrees.
    for (int t = 2; t < logMel.length - 2; t++) {
      assertThat(argmax(logMel[t])).as("frame %d", t).isEqualTo(expected);
    }
  }

  @Test
  void aMatrixOfMoreThanIntegerMaxValueCellsIsRefusedBeforeItIsAllocated() {
    // hop 1 and 512 mels: 1 + 4194303 = 2^22 frames, times 512 = 2^31 cells (8 GB of floats).
    FeatureSpec hop1 = new FeatureSpec(16000, 1024, 1024, 1, 512, 0.0, null);
    float[] samples = new float[4_194_303];
    assertThatThrownBy(() -> new LogMelExtractor(hop1).compute(samples))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4194304 frames × 512 mels = 2147483648 values");
  }

  @Test
  void silenceGivesTheLogFloorExactly() {
    float floor = (float) Math.log(1e-6);
    float[][] logMel = new LogMelExtractor(DEFAULT).compute(new float[16000]);
    assertThat(logMel).hasNumberOfRows(101);
    for (float[] row : logMel) {
      for (float v : row) {
        assertThat(v).isEqualTo(floor);
      }
    }
  }

  @ParameterizedTest(name = "{0} samples")
  @ValueSource(ints = {1, 2, 159, 160, 161, 255, 256, 257, 300, 511, 512, 513, 16000, 16001})
  void frameCountIsOnePlusSamplesOverHop(int n) {
    float[][] logMel = new LogMelExtractor(DEFAULT).compute(noise(n, n));
    assertThat(logMel).hasNumberOfRows(1 + n / 160);
    assertThat(logMel[0]).hasSize(40);
    FeatureSpec odd = new FeatureSpec(8000, 256, 201, 100, 32, 0.0, 3000.0);
    assertThat(new LogMelExtractor(odd).compute(noise(n, n))).hasNumberOfRows(1 + n / 100);
  }

  @Test
  void unitSineAtAnExactBinHasPowerOfAmplitudeTimesWindowSumOverTwoSquared() {
    // win == n_fft: the periodic Hann then has no leakage from the negative-frequency image, so
    // |X[k0]| = A * sum(w) / 2 exactly (sum(w) = n_fft / 2 for a periodic Hann).
    FeatureSpec spec = new FeatureSpec(16000, 512, 512, 128, 40, 0.0, null);
    LogMelExtractor ex = new LogMelExtractor(spec);
    double windowSum = 0;
    for (double w : ex.paddedWindow()) {
      windowSum += w;
    }
    assertThat(windowSum).isCloseTo(256.0, within(1e-9));
    int k0 = 37;
    double amplitude = 0.25;
    float[] x = sine(k0 * 16000.0 / 512, amplitude, 16000, 4096);

    double[] power = ex.framePower(x, 10);
    double expected = Math.pow(amplitude * windowSum / 2, 2);
    assertThat(power[k0]).isCloseTo(expected, within(1e-4 * expected));
    // Hann main lobe: the neighbours hold half the amplitude (a quarter of the power), the rest
    // nothing.
    assertThat(power[k0 - 1]).isCloseTo(expected / 4, within(1e-4 * expected));
    assertThat(power[k0 + 1]).isCloseTo(expected / 4, within(1e-4 * expected));
    assertThat(power[k0 + 5]).isLessThan(1e-6 * expected);
  }

  @Test
  void powerSpectrumObeysParseval() {
    // sum over the full spectrum of |X|^2 == n_fft * sum of the windowed frame squared.
    LogMelExtractor ex = new LogMelExtractor(DEFAULT);
    float[] x = noise(4000, 7);
    double[] w = ex.paddedWindow();
    int t = 12;
    double timeEnergy = 0;
    for (int j = 0; j < w.length; j++) {
      int i = t * 160 - 256 + j;
      double v = (i >= 0 && i < x.length) ? x[i] * w[j] : 0;
      timeEnergy += v * v;
    }
    double[] p = ex.framePower(x, t);
    double freqEnergy = p[0] + p[256];
    for (int k = 1; k < 256; k++) {
      freqEnergy += 2 * p[k];
    }
    assertThat(freqEnergy).isCloseTo(512 * timeEnergy, within(1e-5 * 512 * timeEnergy));
  }

  @Test
  void windowIsScipysPeriodicHannCentredInTheFrame() {
    double[] w = new LogMelExtractor(DEFAULT).paddedWindow();
    assertThat(w).hasSize(512);
    int left = (512 - 400) / 2; // librosa.util.pad_center
    for (int j = 0; j < 512; j++) {
      double expected =
          j < left || j >= left + 400 ? 0 : 0.5 - 0.5 * Math.cos(2 * Math.PI * (j - left) / 400);
      assertThat(w[j]).as("w[%d]", j).isCloseTo(expected, within(1e-12));
    }
    // An odd amount of padding puts the extra zero on the right, as pad_center does.
    FeatureSpec odd = new FeatureSpec(8000, 256, 201, 100, 32, 0.0, null);
    double[] wo = new LogMelExtractor(odd).paddedWindow();
    assertThat(wo[27]).isZero(); // periodic Hann starts at 0
    assertThat(wo[28]).isPositive();
    assertThat(wo[27 + 200]).isPositive();
    assertThat(wo[27 + 201]).isZero();
  }

  @Test
  void framesAreCentredOnHopMultiples() {
    // An impulse at sample 1600 = 10 hops is at the centre of frame 10: the loudest frame.
    float[] x = new float[4000];
    x[1600] = 1f;
    float[][] logMel = new LogMelExtractor(DEFAULT).compute(x);
    double[] energy = new double[logMel.length];
    for (int t = 0; t < logMel.length; t++) {
      for (float v : logMel[t]) {
        energy[t] += Math.exp(v);
      }
    }
    int loudest = 0;
    for (int t = 0; t < energy.length; t++) {
      loudest = energy[t] > energy[loudest] ? t : loudest;
    }
    assertThat(loudest).isEqualTo(10);
  }

  @Test
  void emptyOrNonFiniteInputIsRefusedClearly() {
    LogMelExtractor ex = new LogMelExtractor(DEFAULT);
    assertThatThrownBy(() -> ex.compute(new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("samples: must hold at least one sample, found 0");
    float[] bad = new float[100];
    bad[42] = Float.NaN;
    assertThatThrownBy(() -> ex.compute(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("samples[42]: must be finite, found NaN");
    assertThatThrownBy(() -> ex.compute(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void invalidSpecIsRefusedAtConstruction() {
    FeatureSpec bad = new FeatureSpec(16000, 512, 400, 2048, 40, 0.0, null);
    assertThatThrownBy(() -> new LogMelExtractor(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features.hop_length")
        .hasMessageContaining("2048");
  }

  @Test
  void inputIsNotModified() {
    float[] x = noise(3000, 3);
    float[] before = x.clone();
    new LogMelExtractor(DEFAULT).compute(x);
    assertThat(x).containsExactly(before);
  }

  @Test
  void oneInstanceGivesIdenticalResultsFromManyThreads() throws Exception {
    LogMelExtractor ex = new LogMelExtractor(DEFAULT);
    List<float[]> inputs = new ArrayList<>();
    List<float[][]> serial = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      float[] x = noise(8000 + 37 * i, i);
      inputs.add(x);
      serial.add(ex.compute(x));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[][]>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (float[] x : inputs) {
          futures.add(pool.submit(() -> ex.compute(x)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isDeepEqualTo(serial.get(i % inputs.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static float[] sine(double hz, double amplitude, int sampleRate, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
    }
    return x;
  }

  static float[] noise(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (0.3 * r.nextGaussian());
    }
    return x;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
