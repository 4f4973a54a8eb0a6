package org.tkdworkbench.audio;

/**
 * Somewhere decoded PCM can be played: the sound card through {@link AudioPlayer}, or a fake in
 * tests. One clip plays at a time; starting another stops the first.
 */
public interface PlaybackOutput extends AutoCloseable {
  /**
   * Starts playing {@code samples} (mono, in [-1, 1]) at {@code sampleRate} and returns at once.
   * {@code onFinished} runs exactly once, on a playback thread, when this clip ends for any
   * reason: played to the end, stopped, or replaced by another clip.
   *
   * @throws PlaybackUnavailableException when there is no output to play on; the message says so
   *     in words a user reads
   */
  void play(float[] samples, int sampleRate, Runnable onFinished)
      throws PlaybackUnavailableException;

  /** Silences the current clip now; does nothing when nothing plays. */
  void stop();

  /** True from {@link #play} until the clip ends. */
  boolean isPlaying();

  /** How far the current clip has been heard, in seconds; 0 when nothing plays. */
  double positionSeconds();

  /** Stops playback and releases the device. */
  @Override
  void close();
}
