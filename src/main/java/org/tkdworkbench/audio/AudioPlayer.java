package org.tkdworkbench.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays decoded mono PCM through Java Sound: a {@link SourceDataLine} of 16-bit signed
 * little-endian PCM at the clip's rate, fed from a daemon thread.
 *
 * <p>Java Sound, not {@code javafx.media}: the media player cannot play from memory and fails
 * outright without a sound device, while a missing line here becomes a {@link
 * PlaybackUnavailableException} the UI can show ("No audio output") and go on.
 *
 * <p>The writer never runs more than {@value #AHEAD_SECONDS} s ahead of the wall clock. A real
 * device blocks {@code write} when its buffer is full anyway; but some outputs (ALSA's null device
 * used in tests, some virtual sinks) swallow everything at once, and without pacing the clip would
 * "finish" instantly. For the same reason the reported position is the smaller of the line's own
 * frame position (which lags by the device latency on real hardware) and the wall clock.
 *
 * <p>{@code onFinished} callbacks must not call {@link #play} or {@link #stop} synchronously (post
 * to the UI thread instead): they run on the feeder thread that {@code stop} may be waiting for.
 */
public final class AudioPlayer implements PlaybackOutput {
  /** Opens a line for a format; the default asks {@link AudioSystem}. Swappable for tests. */
  @FunctionalInterface
  public interface LineSource {
    SourceDataLine get(AudioFormat format) throws LineUnavailableException;
  }

  static final double AHEAD_SECONDS = 0.1;
  private static final double CHUNK_SECONDS = 0.02;
  private static final long JOIN_MILLIS = 250;

  private final LineSource lines;
  // Volatile so the UI's cursor timer reads position without waiting on play()/stop().
  private volatile PlaybackSession current;

  /** A player on the system's default output. */
  public AudioPlayer() {
    this(AudioSystem::getSourceDataLine);
  }

  public AudioPlayer(LineSource lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void play(float[] samples, int sampleRate, Runnable onFinished)
      throws PlaybackUnavailableException {
    stop();
    AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
    SourceDataLine line;
    try {
      line = lines.get(format);
      int frames = Math.max(256, (int) (sampleRate * AHEAD_SECONDS));
      line.open(format, frames * format.getFrameSize());
    } catch (IllegalArgumentException | SecurityException e) {
      // AudioSystem says "no line matching ..." this way when there is no device at all.
      throw new PlaybackUnavailableException(
          "No audio output: this computer offers no sound device for 16-bit mono PCM at "
              + sampleRate
              + " Hz",
          e);
    } catch (LineUnavailableException e) {
      throw new PlaybackUnavailableException(
          "No audio output: the sound device is busy or unavailable ("
              + (e.getMessage() == null ? "no detail" : e.getMessage())
              + ")",
          e);
    }
    PlaybackSession session =
        new PlaybackSession(
            line, toPcm16(samples), sampleRate, (int) (sampleRate * CHUNK_SECONDS), onFinished);
    current = session;
    session.start();
  }

  @Override
  public synchronized void stop() {
    PlaybackSession s = current;
    current = null;
    if (s != null) {
      s.stop(JOIN_MILLIS);
    }
  }

  @Override
  public boolean isPlaying() {
    PlaybackSession s = current;
    return s != null && s.isRunning();
  }

  @Override
  public double positionSeconds() {
    PlaybackSession s = current;
    return s == null || !s.isRunning() ? 0 : s.positionSeconds();
  }

  @Override
  public void close() {
    stop();
  }

  /** Clamps to [-1, 1] and scales to 16-bit signed little-endian. */
  static byte[] toPcm16(float[] samples) {
    byte[] out = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      float s = Math.max(-1f, Math.min(1f, samples[i]));
      int v = Math.round(s * 32767f);
      out[2 * i] = (byte) v;
      out[2 * i + 1] = (byte) (v >> 8);
    }
    return out;
  }
}
