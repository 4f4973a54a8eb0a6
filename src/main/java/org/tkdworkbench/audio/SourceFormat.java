package org.tkdworkbench.audio;

/**
 * What a file held before decoding: container, sample encoding, rate, channels and bit depth.
 *
 * @param container "WAVE" (also for RIFX and RF64), "AIFF", "AIFF-C" or, through ffmpeg, the format
 *     its signature shows ("FLAC", "OGG", "MP3", ...) or else its extension in capitals
 * @param encoding Java Sound's name for samples we read ourselves ("PCM_SIGNED", "PCM_UNSIGNED",
 *     "PCM_FLOAT", "ULAW", "ALAW"), or ffmpeg's codec name ("flac", "vorbis", "mp3", "adpcm_ms",
 *     ...)
 * @param sampleRate the file's own rate in Hz
 * @param channels the file's channel count (always at least 1 for a decoded clip)
 * @param bitsPerSample significant bits per sample (e.g. 20 in a 24-bit container), or 0 where
 *     ffmpeg does not say (lossy codecs)
 * @param frames sample frames in the file; through ffmpeg, {@code probe} estimates it from the
 *     container's duration (0 when there is none) and {@code decode} reports the exact count
 */
public record SourceFormat(
    String container,
    String encoding,
    float sampleRate,
    int channels,
    int bitsPerSample,
    long frames) {

  /** Duration in seconds at the file's own rate. */
  public double durationSeconds() {
    return sampleRate <= 0 ? 0 : frames / (double) sampleRate;
  }
}
