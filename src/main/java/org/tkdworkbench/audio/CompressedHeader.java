package org.tkdworkbench.audio;

/**
 * A WAV/AIFF file whose samples are compressed with a codec we leave to ffmpeg (ADPCM, GSM,
 * MP3-in-WAV, ...).
 *
 * @param container "WAVE", "AIFF" or "AIFF-C"
 * @param codec a name a user recognises, e.g. "IMA ADPCM (format tag 0x0011)"
 */
record CompressedHeader(String container, String codec) implements Header {}
