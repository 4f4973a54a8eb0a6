package org.tkdworkbench.audio;

import java.nio.file.Path;

/**
 * Allocation of sample arrays with a typed error instead of a crash when a clip cannot fit.
 *
 * <p>Every length asked for here is bounded by bytes really present in a file (or really produced
 * by ffmpeg), never by a number a header merely claims.
 */
final class Samples {
  /** The largest Java array the JVM reliably allocates. */
  static final int MAX_SAMPLES = Integer.MAX_VALUE - 8;

  private Samples() {}

  static float[] allocate(Path file, long length) throws AudioDecodeException {
    if (length > MAX_SAMPLES) {
      throw tooLong(file, length);
    }
    try {
      return new float[(int) length];
    } catch (OutOfMemoryError e) {
      // One huge array failing leaves the heap as it was, so this is safe to recover from.
      throw outOfMemory(file, length, e);
    }
  }

  /** Copies the first {@code length} samples into an array of exactly that length. */
  static float[] copyOf(Path file, float[] samples, int length) throws AudioDecodeException {
    float[] copy = allocate(file, length);
    System.arraycopy(samples, 0, copy, 0, length);
    return copy;
  }

  /**
   * TOO_LONG for a decode the heap cannot hold: {@code samples} is the clip's length when known (0
   * when not), and the message names the setting that helps.
   */
  static AudioDecodeException outOfMemory(Path file, long samples, OutOfMemoryError e) {
    String need =
        samples > 0
            ? String.format(
                "not enough memory for %d samples (%,d MB)", samples, samples * 4 / 1_000_000)
            : "not enough memory";
    long heap = Runtime.getRuntime().maxMemory() / 1_000_000;
    return new AudioDecodeException(
        file,
        AudioDecodeException.Reason.TOO_LONG,
        need + String.format("; raise -Xmx (the Java heap limit, now %,d MB)", heap),
        e);
  }

  static AudioDecodeException tooLong(Path file, long length) {
    return new AudioDecodeException(
        file,
        AudioDecodeException.Reason.TOO_LONG,
        length + " samples, at most " + MAX_SAMPLES + " fit in one clip");
  }
}
