package org.tkdworkbench.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of the log-mel front end, librosa's names and meanings: {@code melspectrogram(sr,
 * n_fft, hop_length, win_length, window='hann', center=True, pad_mode='constant', power=2,
 * htk=False, norm='slaney')} followed by {@code ln(mel + 1e-6)}.
 *
 * @param sampleRate audio is resampled to this rate (Hz) before analysis
 * @param nFft FFT size in samples
 * @param winLength Hann window length in samples, at most {@code nFft} (zero-padded to it, centred)
 * @param hopLength hop between frames in samples
 * @param nMels number of mel bands
 * @param fmin lowest frequency of the filterbank in Hz
 * @param fmax highest frequency in Hz; {@code null} means {@code sampleRate / 2}
 */
public record FeatureSpec(
    @JsonProperty("sample_rate") int sampleRate,
    @JsonProperty("n_fft") int nFft,
    @JsonProperty("win_length") int winLength,
    @JsonProperty("hop_length") int hopLength,
    @JsonProperty("n_mels") int nMels,
    @JsonProperty("fmin") double fmin,
    @JsonProperty("fmax") Double fmax) {

  /** The floor added before the logarithm, as DESIGN §4 fixes it. */
  public static final double LOG_FLOOR = 1e-6;

  /** DESIGN §4 defaults: 16 kHz, n_fft 512, win 400, hop 160, 40 mels, 0 Hz to Nyquist. */
  public static FeatureSpec defaults() {
    return new FeatureSpec(16000, 512, 400, 160, 40, 0.0, null);
  }

  /** The upper edge actually used: {@code fmax}, or Nyquist when it is not set. */
  @JsonIgnore
  public double effectiveFmax() {
    return fmax == null ? sampleRate / 2.0 : fmax;
  }

  /**
   * Frames produced for {@code samples} input samples: {@code 1 + samples / hop} (centred analysis:
   * frame {@code t} is centred on sample {@code t * hop}).
   */
  public int frameCount(int samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("samples: must be at least 0, found " + samples);
    }
    return 1 + samples / hopLength;
  }

  /**
   * Every problem with these parameters, each as {@code field: rule, found value}; empty when the
   * spec is usable.
   */
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    if (sampleRate < 1000 || sampleRate > 384_000) {
      problems.add("features.sample_rate: must be in 1000..384000 Hz, found " + sampleRate);
    }
    if (nFft < 16 || nFft > 65_536) {
      problems.add("features.n_fft: must be in 16..65536, found " + nFft);
    } else if (Integer.bitCount(nFft) != 1) {
      problems.add("features.n_fft: must be a power of two (the FFT needs it), found " + nFft);
    }
    if (winLength < 1 || winLength > nFft) {
      problems.add("features.win_length: must be in 1..n_fft (" + nFft + "), found " + winLength);
    }
    if (hopLength < 1 || hopLength > nFft) {
      problems.add("features.hop_length: must be in 1..n_fft (" + nFft + "), found " + hopLength);
    }
    if (nMels < 1 || nMels > 512) {
      problems.add("features.n_mels: must be in 1..512, found " + nMels);
    }
    double nyquist = sampleRate / 2.0;
    if (!(fmin >= 0) || fmin >= nyquist) {
      problems.add(
          "features.fmin: must be at least 0 and below sample_rate/2 ("
              + fmt(nyquist)
              + "), found "
              + fmt(fmin));
    }
    if (fmax != null) {
      if (!(fmax > fmin) || fmax > nyquist) {
        problems.add(
            "features.fmax: must be above fmin ("
                + fmt(fmin)
                + ") and at most sample_rate/2 ("
                + fmt(nyquist)
                + "), found "
                + fmt(fmax));
      }
    }
    return problems;
  }

  /** Throws {@link IllegalArgumentException} listing every problem, if there are any. */
  public FeatureSpec requireValid() {
    List<String> problems = validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return this;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
