package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Powers, active regions, SNR gains and loops against hand-computed values. */
class MixingTest {
  private static float[] burst(int n, int start, int end, double hz, double amp, int rate) {
    float[] x = new float[n];
    for (int i = start; i < end; i++) {
      x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * (i - start) / rate));
    }
    return x;
  }

  private static float[] white(int n, double rms, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rms * r.nextGaussian());
    }
    return x;
  }

  @Test
  void meanPowerOfASineIsHalfTheSquaredAmplitude() {
    float[] x = burst(16000, 0, 16000, 1000, 0.5, 16000); // whole periods
    assertThat(Mixing.meanPower(x)).isCloseTo(0.125, within(1e-6));
    assertThat(Mixing.rms(x, 0, 16000)).isCloseTo(0.5 / Math.sqrt(2), within(1e-6));
    assertThat(Mixing.meanPower(x, 5, 5)).isZero();
  }

  @Test
  void activeRegionIsTheToneBurstToTheSample() {
    // A 0.4 s burst at 0.33 s in a 1 s clip of digital silence: not frame aligned on purpose.
    int start = 5283;
    int end = start + 6400;
    float[] x = burst(16000, start, end, 1000, 0.3, 16000);
    Mixing.Region r = Mixing.activeRegion(x, 16000);
    // The burst's first sample is sin(0) = 0, which carries no energy.
    assertThat(r.start()).isBetween(start, start + 1);
    assertThat(r.end()).isBetween(end - 1, end);
  }

  @Test
  void activeRegionIgnoresAFloorFarBelowThePeakButKeepsQuietGapsInside() {
    float[] x = burst(16000, 4000, 6000, 500, 0.5, 16000);
    float[] second = burst(16000, 9000, 11000, 500, 0.5, 16000);
    float[] floor = white(16000, 0.5 * 1e-3, 1); // -60 dB below the tone's RMS-ish
    for (int i = 0; i < x.length; i++) {
      x[i] += second[i] + floor[i];
    }
    Mixing.Region r = Mixing.activeRegion(x, 16000);
    assertThat(r.start()).isBetween(3990, 4010);
    assertThat(r.end()).isBetween(10990, 11010);
  }

  @Test
  void activeRegionOfAWordOverARecordingsNoiseFloorIsTheWordNotTheClip() {
    // A -20 dBFS tone burst (A²/2 = 0.01) at 0.3025..0.7025 s over white noise at -50 and -60 dBFS
    // (variance 1e-5, 1e-6): the span must be the burst within 20 ms, not 0..1 s.
    int start = 4840;
    int end = start + 6400;
    for (double floorDb : new double[] {-50, -60}) {
      float[] x = burst(16000, start, end, 1000, Math.sqrt(2 * 0.01), 16000);
      float[] floor = white(16000, Math.sqrt(Math.pow(10, floorDb / 10)), 3);
      for (int i = 0; i < x.length; i++) {
        x[i] += floor[i];
      }
      Mixing.Region r = Mixing.activeRegion(x, 16000);
      assertThat(r.start()).as("start at %s dBFS", floorDb).isBetween(start - 320, start + 320);
      assertThat(r.end()).as("end at %s dBFS", floorDb).isBetween(end - 320, end + 320);
    }
  }

  @Test
  void aClipThatIsAllSignalIsActiveThroughout() {
    float[] x = burst(16000, 0, 16000, 1000, 0.3, 16000);
    Mixing.Region r = Mixing.activeRegion(x, 16000);
    assertThat(r.start()).isLessThanOrEqualTo(1);
    assertThat(r.end()).isGreaterThanOrEqualTo(15999);
  }

  @Test
  void silenceHasNoActiveRegion() {
    assertThat(Mixing.activeRegion(new float[1600], 16000).isEmpty()).isTrue();
  }

  @Test
  void noiseGainReachesTheRequestedSnr() {
    // Powers from outside the code under test: a sine of amplitude 0.2 over whole periods (440 Hz
    // at 16 kHz, 8000 samples = 220 periods) has power A²/2 = 0.02; the white noise's power is its
    // own mean square, summed here (close to its variance 0.05² = 0.0025).
    float[] kw = burst(8000, 0, 8000, 440, 0.2, 16000);
    double pk = 0.2 * 0.2 / 2;
    float[] noise = white(8000, 0.05, 2);
    double sum = 0;
    for (float v : noise) {
      sum += (double) v * v;
    }
    double pnoise = sum / noise.length;
    assertThat(pnoise / 0.0025).isCloseTo(1.0, within(0.05));
    for (double snr : new double[] {-10, -6, 0, 3.5, 20}) {
      double g = Mixing.noiseGainForSnr(pk, pnoise, snr);
      double[] mix = Mixing.mix(noise, g, kw, 1.0, 0);
      double pn = 0;
      for (int i = 0; i < mix.length; i++) {
        double n = mix[i] - kw[i];
        pn += n * n;
      }
      pn /= mix.length;
      assertThat(10 * Math.log10(pk / pn)).isCloseTo(snr, within(1e-4));
    }
  }

  @Test
  void headroomScaleBringsThePeakToTheLimitAndLeavesQuietMixesAlone() {
    assertThat(Mixing.headroomScale(new double[] {0.1, -0.5}, 0.9)).isEqualTo(1.0);
    assertThat(Mixing.headroomScale(new double[] {0.1, -1.8}, 0.9)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void loopIsContinuousAtTheSeamAndKeepsTheLevel() {
    float[] noise = white(3000, 0.1, 3);
    int crossfade = 400;
    float[] out = Mixing.loop(noise, 1000, 20000, crossfade);
    assertThat(out).hasSize(20000);
    // Up to the end of the file the excerpt is the file itself.
    int period = noise.length - crossfade;
    for (int i = 0; i < period - 1000; i++) {
      assertThat(out[i]).isEqualTo(noise[1000 + i]);
    }
    // Across the seam: the sample after the last unblended one is (almost) the file's next one.
    int seam = period - 1000;
    assertThat(out[seam]).isCloseTo(noise[period], within(0.01f));
    // Level in windows of 200 samples stays near the file's level (no dropouts, no doubling).
    double level = Mixing.rms(noise, 0, noise.length);
    for (int w = 0; w + 200 <= out.length; w += 200) {
      assertThat(Mixing.rms(out, w, w + 200) / level).isBetween(0.7, 1.35);
    }
  }
}
