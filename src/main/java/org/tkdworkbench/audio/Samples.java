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
      throw new AudioDecodeException(
          file,
          AudioDecodeException.Reason.TOO_LONG,
          String.format("%d samples need %,d MB of memory", length, length * 4 / 1_000_000),
          e);
    }
  }

  static AudioDecodeException tooLong(Path file, long length) {
    return new AudioDecodeException(
        file,
        AudioDecodeException.Reason.TOO_LONG,
        length + " samples, at most " + MAX_SAMPLES + " fit in one clip");
  }
}
