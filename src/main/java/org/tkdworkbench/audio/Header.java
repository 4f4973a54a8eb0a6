package org.tkdworkbench.audio;

/**
 * What a WAV or AIFF header reader found: either samples we convert ourselves ({@link PcmHeader})
 * or a compressed codec inside a WAV/AIFF container that only ffmpeg can decode ({@link
 * CompressedHeader}).
 */
sealed interface Header permits PcmHeader, CompressedHeader {
  /** "WAVE", "AIFF" or "AIFF-C". */
  String container();
}
