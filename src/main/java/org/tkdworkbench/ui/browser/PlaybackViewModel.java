package org.tkdworkbench.ui.browser;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.audio.PlaybackUnavailableException;

/**
 * The play/stop toggle: whether something plays, what the button says, and where the cursor is.
 *
 * <p>With no audio device the button says "No audio output", the reason goes to the status bar
 * and the tooltip, and nothing else changes; clicking again retries (headphones plugged in).
 */
public final class PlaybackViewModel {
  static final String PLAY_HINT = "Play the clip (space)";

  private final PlaybackOutput output;
  private final Executor fx;
  private final Consumer<String> status;
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper outputAvailable = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(PLAY_HINT);
  private final StringBinding buttonText;
  private long generation;

  public PlaybackViewModel(PlaybackOutput output, Executor fx, Consumer<String> status) {
    this.output = output;
    this.fx = fx;
    this.status = status;
    buttonText =
        Bindings.when(playing)
            .then("Stop")
            .otherwise(Bindings.when(outputAvailable).then("Play").otherwise("No audio output"));
  }

  /** Plays {@code samples}, or stops if something plays. */
  public void toggle(float[] samples, int sampleRate) {
    if (playing.get()) {
      stop();
      return;
    }
    long gen = ++generation;
    playing.set(true); // before play(): a very short clip may finish inside the call
    try {
      output.play(samples, sampleRate, () -> fx.execute(() -> finished(gen)));
      outputAvailable.set(true);
      tooltip.set("Stop playback (space)");
    } catch (PlaybackUnavailableException e) {
      playing.set(false);
      outputAvailable.set(false);
      tooltip.set(e.getMessage() + ". Click to try again.");
      status.accept(e.getMessage());
    }
  }

  private void finished(long gen) {
    if (gen == generation) { // a callback of an earlier clip must not stop the current one
      playing.set(false);
      tooltip.set(PLAY_HINT);
    }
  }

  /** Stops playback now, if anything plays. */
  public void stop() {
    if (playing.get()) {
      generation++;
      output.stop();
      playing.set(false);
      tooltip.set(PLAY_HINT);
    }
  }

  /** Seconds heard of the playing clip, for the cursor; read every frame while playing. */
  public double position() {
    return output.positionSeconds();
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  /** False once the output said there is no device; a later successful play sets it back. */
  public ReadOnlyBooleanProperty outputAvailableProperty() {
    return outputAvailable.getReadOnlyProperty();
  }

  /** "Play", "Stop" or "No audio output". */
  public StringBinding buttonTextProperty() {
    return buttonText;
  }

  public ReadOnlyStringProperty tooltipProperty() {
    return tooltip.getReadOnlyProperty();
  }
}
