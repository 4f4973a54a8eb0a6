package org.tkdworkbench.audio;

/**
 * Decoded mono audio at a known rate, the start of the feature pipeline.
 *
 * @param samples mono samples, nominally in [-1, 1] (a mix-down averages the channels; float files
 *     may go beyond full scale and are not clipped)
 * @param sampleRate the rate of {@code samples} in Hz (the target rate asked for)
 * @param source what the file held before decoding
 */
public record AudioClip(float[] samples, int sampleRate, SourceFormat source) {
  public AudioClip {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be positive, found " + sampleRate);
    }
  }

  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }
}
