package org.tkdworkbench.ui.browser;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tkdworkbench.data.Clip;

/**
 * A table row: a clip plus what the background probe learns about it later (its duration, or why
 * its header could not be read). Both start empty so the table can show the clips at once.
 */
public final class ClipRow {
  private final Clip clip;
  private final ObjectProperty<Double> duration = new SimpleObjectProperty<>(this, "duration");
  private final StringProperty problem = new SimpleStringProperty(this, "problem");

  public ClipRow(Clip clip) {
    this.clip = clip;
  }

  public Clip clip() {
    return clip;
  }

  /** Seconds, or null while unknown (not probed yet, or unreadable). */
  public ReadOnlyObjectProperty<Double> durationProperty() {
    return duration;
  }

  /** Why the header could not be read, or null. */
  public ReadOnlyStringProperty problemProperty() {
    return problem;
  }

  void setDuration(double seconds) {
    duration.set(seconds);
    problem.set(null);
  }

  void setProblem(String message) {
    duration.set(null);
    problem.set(message);
  }

  @Override
  public String toString() {
    return clip.id();
  }
}
