package org.tkdworkbench.features;

import be.tarsos.dsp.util.fft.FFT;
import java.util.Arrays;
import java.util.Objects;

/**
 * Log-mel spectrogram with librosa's conventions (DESIGN §4): {@code
 * np.log(librosa.feature.melspectrogram(y, sr, n_fft, hop_length, win_length, window='hann',
 * center=True, pad_mode='constant', power=2, htk=False, norm='slaney') + 1e-6)}, transposed to
 * {@code [frames][nMels]}.
 *
 * <p>Step by step, as librosa does it:
 *
 * <ol>
 *   <li>a periodic Hann window of {@code winLength} (scipy's {@code get_window('hann', win,
 *       fftbins=True)}), zero-padded to {@code nFft} with {@code (nFft - winLength) / 2} zeros on
 *       the left ({@code librosa.util.pad_center});
 *   <li>the signal conceptually zero-padded by {@code nFft / 2} on both sides, so frame {@code t}
 *       is centred on sample {@code t * hop}; {@code 1 + samples / hop} frames, also for clips
 *       shorter than the FFT;
 *   <li>the power spectrum {@code |X|^2} of each frame, unnormalised, from TarsosDSP's real FFT;
 *   <li>the Slaney mel filterbank ({@link MelFilterbank#slaney}), applied sparsely;
 *   <li>{@code ln(mel + 1e-6)}.
 * </ol>
 *
 * <p>Instances are immutable and thread-safe: the window and filterbank are built once in the
 * constructor and only read afterwards; each {@link #compute} call makes its own FFT and scratch
 * buffers (a few KB, once per clip, never per frame).
 */
public final class LogMelExtractor {
  private final FeatureSpec spec;
  private final int nFft;
  private final int hop;
  private final int nMels;
  private final int winLength;

  /** Where the window starts inside the {@code nFft} frame (librosa's {@code pad_center}). */
  private final int winOffset;

  /** The un-padded periodic Hann window, {@code winLength} values. */
  private final double[] window;

  private final int[] bandStart;
  private final float[][] bandWeights;

  /**
   * Builds the window and mel filterbank for {@code spec}.
   *
   * @throws IllegalArgumentException listing every problem of {@code spec}, if it is not valid
   */
  public LogMelExtractor(FeatureSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec").requireValid();
    this.nFft = spec.nFft();
    this.hop = spec.hopLength();
    this.nMels = spec.nMels();
    this.winLength = spec.winLength();
    this.winOffset = (nFft - winLength) / 2;
    this.window = periodicHann(winLength);
    MelFilterbank.Sparse bank =
        MelFilterbank.sparse(
            MelFilterbank.slaney(
                spec.sampleRate(), nFft, nMels, spec.fmin(), spec.effectiveFmax()));
    this.bandStart = bank.start();
    this.bandWeights = bank.weights();
  }

  /** The (valid) parameters this extractor was built for. */
  public FeatureSpec spec() {
    return spec;
  }

  /**
   * The log-mel spectrogram of mono {@code samples} taken at {@code spec().sampleRate()}.
   *
   * @return {@code [frames][nMels]} natural-log mel power, {@code frames = 1 + samples.length /
   *     hop}; digital silence gives {@code (float) ln(1e-6)}
   * @throws IllegalArgumentException if {@code samples} is empty (librosa would return a frame of
   *     padding, which is never what a caller wants), holds NaN or infinity (librosa refuses those
   *     too: "Audio buffer is not finite everywhere"), or would give more than {@code
   *     Integer.MAX_VALUE} values ({@code frames × nMels})
   */
  public float[][] compute(float[] samples) {
    Objects.requireNonNull(samples, "samples");
    if (samples.length == 0) {
      throw new IllegalArgumentException("samples: must hold at least one sample, found 0");
    }
    int frames = spec.frameCount(samples.length);
    long cells = (long) frames * nMels;
    if (cells > Integer.MAX_VALUE) {
      // Checked before allocating: the rows are allocated one by one, so an absurd size would
      // first fill the whole heap and then fail with an OutOfMemoryError that names nothing.
      throw new IllegalArgumentException(
          String.format(
              "samples: %d samples give %d frames × %d mels = %d values, more than %d; use a"
                  + " larger hop_length (now %d) or a shorter clip",
              samples.length, frames, nMels, cells, Integer.MAX_VALUE, hop));
    }
    for (int i = 0; i < samples.length; i++) {
      if (!Float.isFinite(samples[i])) {
        throw new IllegalArgumentException(
            "samples[" + i + "]: must be finite, found " + samples[i]);
      }
    }

    int half = nFft / 2;
    float[][] out = new float[frames][nMels];
    FFT fft = new FFT(nFft);
    float[] frame = new float[nFft];
    double[] power = new double[half + 1];

    for (int t = 0; t < frames; t++) {
      windowedFrame(samples, t, frame);
      fft.forwardTransform(frame);
      powerSpectrum(frame, power);

      float[] row = out[t];
      for (int m = 0; m < nMels; m++) {
        float[] w = bandWeights[m];
        int k0 = bandStart[m];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
          sum += w[i] * power[k0 + i];
        }
        row[m] = (float) Math.log(sum + FeatureSpec.LOG_FLOOR);
      }
    }
    return out;
  }

  /**
   * Frame {@code t} of the centred analysis, windowed and ready for the FFT: window element {@code
   * j} multiplies sample {@code t * hop - nFft / 2 + winOffset + j}; samples outside the clip are
   * the zero padding of {@code center=True, pad_mode='constant'}.
   */
  private void windowedFrame(float[] samples, int t, float[] frame) {
    long origin = (long) t * hop - nFft / 2 + winOffset;
    int jFrom = (int) Math.max(0, -origin);
    int jTo = (int) Math.min(winLength, samples.length - origin);
    Arrays.fill(frame, 0f);
    for (int j = jFrom; j < jTo; j++) {
      // librosa multiplies the float64 window by the float32 frame in double precision.
      frame[winOffset + j] = (float) (samples[(int) (origin + j)] * window[j]);
    }
  }

  /**
   * The unnormalised power spectrum {@code |X[k]|^2, k = 0..nFft/2} of frame {@code t}, for tests
   * that check the spectrum's scale directly (Parseval), before the mel projection hides it.
   */
  double[] framePower(float[] samples, int t) {
    float[] frame = new float[nFft];
    windowedFrame(samples, t, frame);
    new FFT(nFft).forwardTransform(frame);
    double[] power = new double[nFft / 2 + 1];
    powerSpectrum(frame, power);
    return power;
  }

  /** The padded analysis window, {@code nFft} values (librosa's {@code fft_window}). */
  double[] paddedWindow() {
    double[] padded = new double[nFft];
    System.arraycopy(window, 0, padded, winOffset, winLength);
    return padded;
  }

  /**
   * {@code |X[k]|^2} from TarsosDSP's packed real FFT: {@code [Re0, Re(n/2), Re1, Im1, Re2, Im2,
   * ...]}.
   */
  static void powerSpectrum(float[] packed, double[] power) {
    int half = packed.length / 2;
    power[0] = (double) packed[0] * packed[0];
    power[half] = (double) packed[1] * packed[1];
    for (int k = 1; k < half; k++) {
      double re = packed[2 * k];
      double im = packed[2 * k + 1];
      power[k] = re * re + im * im;
    }
  }

  /**
   * scipy's {@code get_window('hann', n, fftbins=True)}: the symmetric Hann window of {@code n + 1}
   * points without its last point, computed as scipy's {@code general_cosine} does ({@code 0.5 +
   * 0.5 cos(x)} for {@code x = linspace(-pi, pi, n + 1)}); a length-1 window is {@code [1]}.
   */
  static double[] periodicHann(int n) {
    if (n == 1) {
      return new double[] {1.0};
    }
    double[] fac = MelScale.linspace(-Math.PI, Math.PI, n + 1);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + 0.5 * Math.cos(fac[i]);
    }
    return w;
  }
}
