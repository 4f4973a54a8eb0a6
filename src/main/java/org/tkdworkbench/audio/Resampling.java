package org.tkdworkbench.audio;

import be.tarsos.dsp.resample.Resampler;
import java.nio.FloatBuffer;

/**
 * Sample-rate conversion of a whole mono clip with TarsosDSP's {@link Resampler} (a port of
 * libresample: windowed-sinc band-limited interpolation that also low-passes when it downsamples).
 *
 * <p>Why the output length is forced to exactly {@code round(n · to / from)}: the resampler stops
 * when its time pointer passes the end of the zero-padded input, which yields a sample or two more
 * or less than that (44.1k→16k of 44100 samples gives 16001). Two clips of the same duration must
 * give the same number of feature frames, so we trim the surplus or pad the shortfall with zeros;
 * the resampler's own output has already decayed to its zero padding there.
 *
 * <p>No delay compensation is needed: the resampler starts with its time pointer on the first input
 * sample (the filter's left wing reads zeros), so output sample {@code k} is the signal at time
 * {@code k / to}; an impulse at input {@code i} peaks at output {@code round(i · to / from)}.
 */
final class Resampling {
  /**
   * Beyond this ratio either way the resampler's buffers grow with the ratio (its filter reach is
   * ~18 input samples per output sample when it downsamples) for no useful result.
   */
  static final double MAX_RATIO = 1024;

  private Resampling() {}

  /**
   * The exact output length for {@code inputLength} samples at {@code from} Hz resampled to {@code
   * to}.
   */
  static long outputLength(long inputLength, double from, double to) {
    return Math.round(inputLength * (to / from));
  }

  /** Whether {@code from → to} is a ratio we resample. */
  static boolean supported(double from, double to) {
    double ratio = to / from;
    return ratio >= 1 / MAX_RATIO && ratio <= MAX_RATIO;
  }

  /**
   * Resamples {@code input} from {@code from} Hz to {@code to} Hz into {@code output}, whose length
   * must be {@link #outputLength}; the caller allocates it so that memory failures become typed
   * errors there.
   *
   * @throws IllegalArgumentException if the ratio is not {@link #supported} or {@code output} has
   *     the wrong length
   */
  static void resample(float[] input, double from, double to, float[] output) {
    if (!supported(from, to)) {
      throw new IllegalArgumentException("unsupported resampling ratio " + from + " -> " + to);
    }
    if (output.length != outputLength(input.length, from, to)) {
      throw new IllegalArgumentException(
          "output must hold " + outputLength(input.length, from, to));
    }
    if (input.length == 0 || output.length == 0) {
      return;
    }
    double factor = to / from;
    Resampler resampler = new Resampler(true, factor, factor);
    FloatBuffer in = FloatBuffer.wrap(input);
    FloatBuffer out = FloatBuffer.wrap(output);
    // One call normally consumes everything; the loop covers the resampler's internal buffer
    // filling up. It ends when a call makes no progress: the input is drained and either the
    // output is full or the resampler has nothing more to give.
    while (true) {
      int consumed = in.position();
      int produced = out.position();
      resampler.process(factor, in, true, out);
      if (in.position() == consumed && out.position() == produced) {
        break;
      }
    }
    // Whatever was not produced stays 0: see the class comment.
  }
}
