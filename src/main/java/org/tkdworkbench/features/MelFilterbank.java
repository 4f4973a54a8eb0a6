package org.tkdworkbench.features;

import java.util.Arrays;

/**
 * The Slaney-normalised triangular mel filterbank of librosa: {@code librosa.filters.mel(sr=...,
 * n_fft=..., n_mels=..., fmin=..., fmax=..., htk=False, norm='slaney')}.
 *
 * <p>Ported from {@code librosa/filters.py: mel}, including its float32 rounding: librosa fills a
 * float32 matrix with the double-precision triangles and then scales it in place by the double
 * Slaney factor {@code 2 / (f[i+2] - f[i])}, so each weight is rounded to float twice. Doing the
 * same here makes the weights equal to librosa's (e.g. the first filter for 22.05 kHz, n_fft 2048,
 * 128 mels starts {@code 0, 0.016182853, 0.032365706, 0.028990088, 0.012807235, 0}).
 */
public final class MelFilterbank {
  private MelFilterbank() {}

  /**
   * The filterbank as a dense {@code [nMels][1 + nFft / 2]} matrix; row {@code i} weights the power
   * spectrum bins into mel band {@code i}.
   *
   * @param sampleRate sampling rate in Hz of the signal the spectrum comes from
   * @param nFft FFT size (bins are {@code k * sampleRate / nFft} for {@code k = 0..nFft/2})
   * @param nMels number of bands
   * @param fmin lower edge of the first band in Hz
   * @param fmax upper edge of the last band in Hz (librosa's {@code fmax=None} is {@code sr / 2})
   * @throws IllegalArgumentException naming the parameter and the value found, if one is out of
   *     range
   */
  public static float[][] slaney(int sampleRate, int nFft, int nMels, double fmin, double fmax) {
    check(sampleRate > 0, "sample_rate: must be positive, found " + sampleRate);
    check(nFft > 0, "n_fft: must be positive, found " + nFft);
    check(nMels > 0, "n_mels: must be positive, found " + nMels);
    check(Double.isFinite(fmin) && fmin >= 0, "fmin: must be finite and >= 0, found " + fmin);
    check(
        Double.isFinite(fmax) && fmax > fmin,
        "fmax: must be finite and above fmin (" + fmin + "), found " + fmax);

    int nBins = 1 + nFft / 2;
    double[] fftFreqs = fftFrequencies(sampleRate, nFft);
    double[] melF = MelScale.melFrequencies(nMels + 2, fmin, fmax);

    float[][] weights = new float[nMels][nBins];
    for (int i = 0; i < nMels; i++) {
      // librosa: fdiff = np.diff(mel_f); ramps = np.subtract.outer(mel_f, fftfreqs)
      double fdiffLo = melF[i + 1] - melF[i];
      double fdiffHi = melF[i + 2] - melF[i + 1];
      // Slaney-style mel is scaled to be approx constant energy per channel
      double enorm = 2.0 / (melF[i + 2] - melF[i]);
      float[] row = weights[i];
      for (int k = 0; k < nBins; k++) {
        double lower = -(melF[i] - fftFreqs[k]) / fdiffLo;
        double upper = (melF[i + 2] - fftFreqs[k]) / fdiffHi;
        // Stored into librosa's float32 matrix, then scaled in place (computed in double).
        float triangle = (float) Math.max(0.0, Math.min(lower, upper));
        row[k] = (float) (triangle * enorm);
      }
    }
    return weights;
  }

  /**
   * The centre frequency of each FFT bin, {@code librosa.fft_frequencies} ({@code
   * numpy.fft.rfftfreq(n_fft, 1 / sr)}), computed with numpy's operations.
   */
  static double[] fftFrequencies(int sampleRate, int nFft) {
    double d = 1.0 / sampleRate;
    double val = 1.0 / (nFft * d);
    double[] freqs = new double[1 + nFft / 2];
    for (int k = 0; k < freqs.length; k++) {
      freqs[k] = k * val;
    }
    return freqs;
  }

  /**
   * The same filterbank kept sparse: each triangle touches only a few consecutive bins, so the
   * extractor multiplies only {@code [start, end)} of each row instead of all bins.
   */
  static Sparse sparse(float[][] dense) {
    int nMels = dense.length;
    int[] start = new int[nMels];
    float[][] weights = new float[nMels][];
    for (int m = 0; m < nMels; m++) {
      float[] row = dense[m];
      int lo = 0;
      while (lo < row.length && row[lo] == 0f) {
        lo++;
      }
      int hi = row.length;
      while (hi > lo && row[hi - 1] == 0f) {
        hi--;
      }
      start[m] = lo == hi ? 0 : lo;
      weights[m] = Arrays.copyOfRange(row, lo, hi);
    }
    return new Sparse(start, weights);
  }

  /**
   * Row {@code m} of the filterbank is {@code weights[m]} placed at bin {@code start[m]}; zero
   * elsewhere. An empty band (possible with many mels and a small FFT) has no weights.
   */
  record Sparse(int[] start, float[][] weights) {}

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
