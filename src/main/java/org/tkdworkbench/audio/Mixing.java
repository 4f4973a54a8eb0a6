package org.tkdworkbench.audio;

/**
 * Signal arithmetic for mixing a keyword into noise at a chosen SNR.
 *
 * <h2>SNR</h2>
 *
 * {@code SNR = 10·log10(P_keyword / P_noise)}, where {@code P_keyword} is the mean power (mean
 * square) of the keyword clip over its <em>active region</em> ({@link #activeRegion}: the clip with
 * leading and trailing near-silence trimmed) and {@code P_noise} the mean power of the noise over
 * exactly the samples the active region covers once placed in the mix. Why not the whole one-second
 * clip: a Speech Commands word fills 0.3–0.9 s of its second, so whole-clip power would make the
 * SNR <em>during the word</em> depend on how long the word is (a 0.4 s word would sit 4 dB louder
 * than its nominal SNR, a 0.9 s word 0.5 dB). Measuring both signals over the word's own span gives
 * every clip the same in-word SNR, matches the span written to {@code keyword_spans.csv}, and is
 * the idea behind "active speech level" (ITU-T P.56).
 *
 * <h2>Active region</h2>
 *
 * The clip is cut into 10 ms frames; a frame is active when its mean power reaches a threshold of
 * {@code max(peak − belowPeakDb, floor + 12 dB)}, capped at {@code peak − 6 dB}, where {@code peak}
 * is the loudest frame's power, {@code belowPeakDb} 40 dB by default and {@code floor} the clip's
 * own background: the 10th percentile of the frame powers. Why the floor term: a real recording's
 * room noise is rarely 40 dB below the word (a word at −20 dBFS over a −60 dBFS floor is exactly 40
 * dB above it), and a peak-only threshold then counts every frame of noise as active, so the span
 * grows to the whole clip. In digital silence the floor is 0 and only the peak term counts. The cap
 * keeps a clip that is all word (no quiet tenth to estimate a floor from) whole. The region runs
 * from the first active frame to the last (quiet gaps inside a word stay in), then each edge is
 * refined to the first/last sample whose magnitude reaches the threshold's RMS, so the span is
 * sample-accurate rather than frame-aligned.
 */
public final class Mixing {
  /** Default threshold below the loudest frame for the active region, in dB. */
  public static final double ACTIVE_BELOW_PEAK_DB = 40.0;

  /** How far above the estimated background floor a frame must be to be active, in dB. */
  public static final double ACTIVE_ABOVE_FLOOR_DB = 12.0;

  /** Which percentile of the frame powers estimates the background floor. */
  public static final double FLOOR_PERCENTILE = 10.0;

  /** The active threshold never rises above this many dB below the loudest frame. */
  public static final double ACTIVE_CAP_BELOW_PEAK_DB = 6.0;

  /** Frame length of the active-region search, in seconds. */
  public static final double ACTIVE_FRAME_SECONDS = 0.010;

  private Mixing() {}

  /** A half-open sample range {@code [start, end)}; empty when {@code start == end}. */
  public record Region(int start, int end) {
    public Region {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad region [" + start + ", " + end + ")");
      }
    }

    public int length() {
      return end - start;
    }

    public boolean isEmpty() {
      return start == end;
    }
  }

  /** Mean of {@code x[i]²} over {@code [from, to)}; 0 for an empty range. */
  public static double meanPower(float[] x, int from, int to) {
    if (to <= from) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) x[i] * x[i];
    }
    return sum / (to - from);
  }

  /** Mean power of the whole signal. */
  public static double meanPower(float[] x) {
    return meanPower(x, 0, x.length);
  }

  /** Root mean square over {@code [from, to)}. */
  public static double rms(float[] x, int from, int to) {
    return Math.sqrt(meanPower(x, from, to));
  }

  /** Largest {@code |x[i]|}. */
  public static double peak(float[] x) {
    double p = 0;
    for (float v : x) {
      p = Math.max(p, Math.abs(v));
    }
    return p;
  }

  /** Decibels of a power ratio; {@code -inf} for 0. */
  public static double powerDb(double ratio) {
    return 10 * Math.log10(ratio);
  }

  /**
   * Where the signal's energy is: see the class comment. Empty (at 0) for an all-zero signal.
   *
   * @param belowPeakDb how far below the loudest frame a frame still counts as active (&gt; 0) when
   *     the clip's background floor is lower still
   */
  public static Region activeRegion(float[] x, int sampleRate, double belowPeakDb) {
    if (!(belowPeakDb > 0)) {
      throw new IllegalArgumentException("belowPeakDb must be > 0, found " + belowPeakDb);
    }
    int frame = Math.max(1, (int) Math.round(sampleRate * ACTIVE_FRAME_SECONDS));
    int frames = (x.length + frame - 1) / frame;
    double[] power = new double[frames];
    double loudest = 0;
    for (int f = 0; f < frames; f++) {
      power[f] = meanPower(x, f * frame, Math.min(x.length, (f + 1) * frame));
      loudest = Math.max(loudest, power[f]);
    }
    if (loudest == 0) {
      return new Region(0, 0);
    }
    double[] sorted = power.clone();
    java.util.Arrays.sort(sorted);
    double background = sorted[(int) Math.floor(FLOOR_PERCENTILE / 100 * (frames - 1))];
    double threshold =
        Math.max(
            loudest * Math.pow(10, -belowPeakDb / 10),
            Math.min(
                background * Math.pow(10, ACTIVE_ABOVE_FLOOR_DB / 10),
                loudest * Math.pow(10, -ACTIVE_CAP_BELOW_PEAK_DB / 10)));
    int first = 0;
    while (power[first] < threshold) {
      first++;
    }
    int last = frames - 1;
    while (power[last] < threshold) {
      last--;
    }
    // Sample-accurate edges: inside the edge frames, skip samples below the same threshold in
    // amplitude. The edge frames are active, so each holds at least one such sample.
    double amplitude = Math.sqrt(threshold);
    int start = first * frame;
    int stop = Math.min(x.length, (first + 1) * frame);
    while (start < stop - 1 && Math.abs(x[start]) < amplitude) {
      start++;
    }
    int end = Math.min(x.length, (last + 1) * frame);
    int floor = last * frame;
    while (end > floor + 1 && Math.abs(x[end - 1]) < amplitude) {
      end--;
    }
    return new Region(start, Math.max(end, start + 1));
  }

  /** {@link #activeRegion(float[], int, double)} at {@link #ACTIVE_BELOW_PEAK_DB}. */
  public static Region activeRegion(float[] x, int sampleRate) {
    return activeRegion(x, sampleRate, ACTIVE_BELOW_PEAK_DB);
  }

  /**
   * The factor for the noise so that {@code keywordPower / (gain² · noisePower)} is {@code snrDb}.
   *
   * @throws IllegalArgumentException when either power is not positive
   */
  public static double noiseGainForSnr(double keywordPower, double noisePower, double snrDb) {
    if (!(keywordPower > 0) || !(noisePower > 0)) {
      throw new IllegalArgumentException(
          "powers must be positive, found keyword " + keywordPower + ", noise " + noisePower);
    }
    return Math.sqrt(keywordPower / (noisePower * Math.pow(10, snrDb / 10)));
  }

  /**
   * {@code noise · noiseGain} with {@code keyword · keywordGain} added from {@code offset} on, in
   * double precision, into a new array the length of {@code noise}.
   */
  public static double[] mix(
      float[] noise, double noiseGain, float[] keyword, double keywordGain, int offset) {
    if (offset < 0 || offset + keyword.length > noise.length) {
      throw new IllegalArgumentException(
          "keyword of "
              + keyword.length
              + " samples at "
              + offset
              + " does not fit in "
              + noise.length
              + " samples of noise");
    }
    double[] out = new double[noise.length];
    for (int i = 0; i < noise.length; i++) {
      out[i] = noise[i] * noiseGain;
    }
    for (int i = 0; i < keyword.length; i++) {
      out[offset + i] += keyword[i] * keywordGain;
    }
    return out;
  }

  /**
   * The factor (at most 1) that brings the mixture's peak down to {@code limit}. Applying it to the
   * whole mixture scales keyword and noise alike, so the SNR is kept where clipping would have
   * changed it.
   */
  public static double headroomScale(double[] mixture, double limit) {
    double peak = 0;
    for (double v : mixture) {
      peak = Math.max(peak, Math.abs(v));
    }
    return peak > limit ? limit / peak : 1.0;
  }

  /**
   * {@code length} samples of {@code noise} from {@code start} on, continuing at the beginning when
   * the end is reached. The seam is hidden by an equal-power crossfade over {@code crossfade}
   * samples: the loop has period {@code noise.length − crossfade}, and its first {@code crossfade}
   * samples blend the noise's head (fading in) with its tail (fading out), so the signal runs from
   * the last unblended sample straight into the blend without a click. Equal-power (sin/cos)
   * weights keep uncorrelated noise at its level through the seam.
   *
   * @param start where to begin, in {@code [0, noise.length − crossfade)}
   */
  public static float[] loop(float[] noise, int start, int length, int crossfade) {
    int period = noise.length - crossfade;
    if (crossfade < 0 || period < 1) {
      throw new IllegalArgumentException(
          "crossfade of " + crossfade + " needs more than " + noise.length + " samples of noise");
    }
    if (start < 0 || start >= period) {
      throw new IllegalArgumentException("start " + start + " outside [0, " + period + ")");
    }
    float[] cycle = new float[period];
    System.arraycopy(noise, 0, cycle, 0, period);
    for (int k = 0; k < crossfade; k++) {
      double phase = Math.PI / 2 * (k + 0.5) / crossfade;
      cycle[k] = (float) (noise[k] * Math.sin(phase) + noise[period + k] * Math.cos(phase));
    }
    float[] out = new float[length];
    int at = start;
    for (int i = 0; i < length; i++) {
      out[i] = cycle[at];
      if (++at == period) {
        at = 0;
      }
    }
    return out;
  }
}
