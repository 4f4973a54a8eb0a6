package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.FieldForm;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;

/**
 * The layout page's state: the layout (detected, then the user's choice), ESC-50's test and
 * validation folds, Speech Commands' optional speaker folds (count and test fold; validation is the
 * fold before), the manifest's file name, and the problems {@link LayoutOptions#validate()} finds,
 * attached to the fields {@code test_fold}, {@code validation_fold}, {@code folds} and {@code
 * manifest}.
 */
public final class LayoutSettings {
  private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(this, "layout");
  private final ReadOnlyObjectWrapper<Layout> detected = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<Integer> testFold = new SimpleObjectProperty<>(this, "testFold", 5);
  private final ObjectProperty<Integer> validationFold =
      new SimpleObjectProperty<>(this, "validationFold");
  private final BooleanProperty speakerFolds = new SimpleBooleanProperty(this, "speakerFolds");
  private final ObjectProperty<Integer> folds = new SimpleObjectProperty<>(this, "folds", 10);
  private final ObjectProperty<Integer> speakerTestFold =
      new SimpleObjectProperty<>(this, "speakerTestFold", 2);
  private final FieldForm form =
      new FieldForm("layout")
          .field("test_fold", "")
          .field("validation_fold", "")
          .field("manifest", "")
          .field("folds", "");

  public LayoutSettings() {
    layout.addListener((o, a, b) -> validate());
    testFold.addListener((o, a, b) -> validate());
    validationFold.addListener((o, a, b) -> validate());
    speakerFolds.addListener((o, a, b) -> validate());
    folds.addListener((o, a, b) -> validate());
    speakerTestFold.addListener((o, a, b) -> validate());
    form.value("manifest").addListener((o, a, b) -> validate());
    validate();
  }

  /** A fresh detection: the layout it found becomes the choice; the manifest name its default. */
  void detected(Layout found, String manifest) {
    detected.set(found);
    speakerFolds.set(false); // a new source is read by its lists until the user asks for folds
    form.value("manifest").set(manifest == null ? "" : manifest);
    layout.set(found);
    validate();
  }

  /** Forgets the detection (the source changed). */
  void clear() {
    detected.set(null);
    layout.set(null);
  }

  /** The choices the chosen layout needs, and only those. */
  public LayoutOptions options() {
    Layout l = layout.get();
    if (l == Layout.ESC50) {
      return new LayoutOptions(testFold.get(), validationFold.get(), null);
    }
    if (l == Layout.SPEECH_COMMANDS && speakerFolds.get()) {
      return LayoutOptions.speakerFolds(folds.get(), speakerTestFold.get(), null);
    }
    if (l == Layout.MANIFEST) {
      String m = form.text("manifest");
      return new LayoutOptions(null, null, m.isEmpty() ? null : m);
    }
    return LayoutOptions.defaults();
  }

  private void validate() {
    form.show(options().validate());
  }

  public ObjectProperty<Layout> layoutProperty() {
    return layout;
  }

  /** What detection said, or null before it has. */
  public ReadOnlyObjectProperty<Layout> detectedProperty() {
    return detected.getReadOnlyProperty();
  }

  public ObjectProperty<Integer> testFoldProperty() {
    return testFold;
  }

  /** The ESC-50 validation fold, or null for no validation split. */
  public ObjectProperty<Integer> validationFoldProperty() {
    return validationFold;
  }

  /** Speech Commands: split by speaker folds instead of the split lists. */
  public BooleanProperty speakerFoldsProperty() {
    return speakerFolds;
  }

  /** Speech Commands with speaker folds: how many folds. */
  public ObjectProperty<Integer> foldsProperty() {
    return folds;
  }

  /** Speech Commands with speaker folds: the test fold (validation is the one before it). */
  public ObjectProperty<Integer> speakerTestFoldProperty() {
    return speakerTestFold;
  }

  public StringProperty manifestProperty() {
    return form.value("manifest");
  }

  public FieldForm form() {
    return form;
  }
}
