/**
 * Audio in and out: decoding WAV/AIFF through Java Sound (other formats through {@code ffmpeg} when
 * it is on the PATH), mixing down to mono, resampling with TarsosDSP, and playback of decoded PCM.
 * Every unreadable file becomes an {@link org.tkdworkbench.audio.AudioDecodeException} with a
 * {@link org.tkdworkbench.audio.AudioDecodeException.Reason}; nothing here knows JavaFX.
 */
package org.tkdworkbench.audio;
