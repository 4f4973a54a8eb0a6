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

  /**
   * Seconds; null while not read yet, NaN when the header could not be read ({@link
   * #problemProperty} says why). NaN rather than null so the change reaches the table cell.
   */
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
    problem.set(message);
    duration.set(Double.NaN);
  }

  @Override
  public String toString() {
    return clip.id();
  }
}
