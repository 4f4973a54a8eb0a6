package org.tkdworkbench.features;

/**
 * The Slaney mel scale, exactly as librosa computes it with {@code htk=False}: linear below 1 kHz
 * (200/3 Hz per mel) and logarithmic above (27 mels per factor 6.4).
 *
 * <p>Each method is a port of the function of the same name in librosa's {@code
 * librosa/core/convert.py}, written with the same operations in the same order so the doubles agree
 * with librosa's to the last bit or so; that is what makes the filterbank match librosa's float32
 * weights exactly.
 */
public final class MelScale {
  // librosa's constants, spelled the way librosa computes them (not folded by hand), so that the
  // rounding is the same: f_sp = 200.0 / 3, min_log_mel = (min_log_hz - f_min) / f_sp, ...
  private static final double F_MIN = 0.0;
  private static final double F_SP = 200.0 / 3;
  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = (MIN_LOG_HZ - F_MIN) / F_SP;
  private static final double LOG_STEP = Math.log(6.4) / 27.0;

  private MelScale() {}

  /** Hz to mels on the Slaney scale ({@code librosa.hz_to_mel(hz, htk=False)}). */
  public static double hzToMel(double hz) {
    if (hz >= MIN_LOG_HZ) {
      return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }
    return (hz - F_MIN) / F_SP;
  }

  /** Mels to Hz on the Slaney scale ({@code librosa.mel_to_hz(mel, htk=False)}). */
  public static double melToHz(double mel) {
    if (mel >= MIN_LOG_MEL) {
      return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }
    return F_MIN + F_SP * mel;
  }

  /**
   * {@code n} frequencies in Hz equally spaced on the mel scale from {@code fmin} to {@code fmax}
   * inclusive ({@code librosa.mel_frequencies(n, fmin=fmin, fmax=fmax, htk=False)}).
   *
   * <p>A filterbank of {@code nMels} bands uses {@code melFrequencies(nMels + 2, fmin, fmax)}: band
   * {@code i} rises from element {@code i}, peaks at {@code i + 1} and falls to {@code i + 2}.
   *
   * @throws IllegalArgumentException if {@code n} is negative or a limit is not finite
   */
  public static double[] melFrequencies(int n, double fmin, double fmax) {
    if (n < 0) {
      throw new IllegalArgumentException("n: must be at least 0, found " + n);
    }
    if (!Double.isFinite(fmin) || !Double.isFinite(fmax)) {
      throw new IllegalArgumentException("fmin, fmax: must be finite, found " + fmin + ", " + fmax);
    }
    double minMel = hzToMel(fmin);
    double maxMel = hzToMel(fmax);
    double[] mels = linspace(minMel, maxMel, n);
    double[] hz = new double[n];
    for (int i = 0; i < n; i++) {
      hz[i] = melToHz(mels[i]);
    }
    return hz;
  }

  /**
   * {@code numpy.linspace(start, stop, n)} as numpy computes it: {@code start + i * step} with
   * {@code step = (stop - start) / (n - 1)} and the last element set to {@code stop} exactly.
   */
  static double[] linspace(double start, double stop, int n) {
    double[] y = new double[n];
    if (n == 1) {
      y[0] = start;
      return y;
    }
    double step = (stop - start) / (n - 1);
    for (int i = 0; i < n; i++) {
      y[i] = i * step + start;
    }
    if (n > 1) {
      y[n - 1] = stop;
    }
    return y;
  }
}
