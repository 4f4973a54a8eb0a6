package org.tkdworkbench.audio;

import java.nio.file.Path;

/**
 * Decodes audio files to mono float PCM at a target rate.
 *
 * <p>CONTRACT PLACEHOLDER: the audio work fills this in (WAV/AIFF via Java Sound, ffmpeg for
 * others, TarsosDSP resampling, typed errors).
 */
public class AudioDecoder {

  /** Decodes {@code file}, mixes it down to mono and resamples it to {@code targetSampleRate}. */
  public AudioClip decode(Path file, int targetSampleRate) throws AudioDecodeException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Reads only the header: format, channels, rate and length, without decoding samples. */
  public SourceFormat probe(Path file) throws AudioDecodeException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
