package org.tkdworkbench.audio;

/**
 * What a file held before decoding: container, sample encoding, rate, channels and bit depth.
 *
 * @param container "WAVE", "AIFF", "AIFF-C" or, through ffmpeg, the file's extension
 * @param encoding e.g. "PCM_SIGNED", "PCM_UNSIGNED", "PCM_FLOAT"
 * @param sampleRate the file's own rate in Hz
 * @param channels the file's channel count (always at least 1 for a decoded clip)
 * @param bitsPerSample bits per sample, or 0 where the decoder does not say (ffmpeg)
 * @param frames sample frames in the file
 */
public record SourceFormat(
    String container, String encoding, float sampleRate, int channels, int bitsPerSample, long frames) {

  /** Duration in seconds at the file's own rate. */
  public double durationSeconds() {
    return sampleRate <= 0 ? 0 : frames / (double) sampleRate;
  }
}
