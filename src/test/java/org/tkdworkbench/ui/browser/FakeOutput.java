package org.tkdworkbench.ui.browser;

import java.util.ArrayList;
import java.util.List;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.audio.PlaybackUnavailableException;

/** A playback output the test drives by hand: it "plays" until told the clip finished. */
public final class FakeOutput implements PlaybackOutput {
  boolean available = true;
  boolean playing;
  double position;
  int stops;
  final List<Runnable> callbacks = new ArrayList<>();
  float[] lastSamples;

  @Override
  public void play(float[] samples, int sampleRate, Runnable onFinished)
      throws PlaybackUnavailableException {
    if (!available) {
      throw new PlaybackUnavailableException(
          "No audio output: this computer offers no sound device for 16-bit mono PCM at "
              + sampleRate
              + " Hz",
          null);
    }
    lastSamples = samples;
    playing = true;
    callbacks.add(onFinished);
  }

  /** Ends the clip started by the {@code i}-th play call, as the playback thread would. */
  void finish(int i) {
    playing = false;
    callbacks.get(i).run();
  }

  @Override
  public void stop() {
    stops++;
    playing = false;
  }

  @Override
  public boolean isPlaying() {
    return playing;
  }

  @Override
  public double positionSeconds() {
    return position;
  }

  @Override
  public void close() {
    stop();
  }
}
