/**
 * Audio in and out: decoding WAV (RIFF/RIFX/RF64) and AIFF/AIFF-C with our own header parser (other
 * formats through {@code ffmpeg} when it is installed, never downloaded), mixing down to mono,
 * resampling with TarsosDSP, and playback of decoded PCM. {@link
 * org.tkdworkbench.audio.AudioDecoder} is the entry point; every unreadable file becomes an {@link
 * org.tkdworkbench.audio.AudioDecodeException} with a {@link
 * org.tkdworkbench.audio.AudioDecodeException.Reason}. Nothing here knows JavaFX.
 */
package org.tkdworkbench.audio;
