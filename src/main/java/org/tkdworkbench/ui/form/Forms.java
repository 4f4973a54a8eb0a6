package org.tkdworkbench.ui.form;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import org.controlsfx.tools.ValueExtractor;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Building blocks of the wizard's pages: a label / field / message grid where each field's problem
 * (from the view-model) shows as red text beside it and as a ControlsFX validation decoration on it.
 */
public final class Forms {
  private static boolean spinnerExtractorAdded;

  private Forms() {}

  /** A three-column grid: label, field, message. */
  public static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    g.setPadding(new Insets(4, 0, 4, 0));
    ColumnConstraints label = new ColumnConstraints();
    label.setMinWidth(150);
    ColumnConstraints field = new ColumnConstraints();
    field.setMinWidth(170);
    field.setPrefWidth(190);
    ColumnConstraints message = new ColumnConstraints();
    message.setHgrow(Priority.ALWAYS);
    message.setMinWidth(200);
    g.getColumnConstraints().addAll(label, field, message);
    return g;
  }

  /**
   * Adds a row; {@code message} is shown beside the field and drives its validation decoration.
   * Returns the message label (id: the field's id + {@code Message}).
   */
  public static Label row(
      GridPane g,
      int row,
      String text,
      Control field,
      Node input,
      ReadOnlyStringProperty message,
      ValidationSupport support) {
    Label label = new Label(text);
    label.setLabelFor(field);
    Label shown = messageLabel(field.getId() + "Message", message);
    GridPane.setHalignment(label, HPos.LEFT);
    g.addRow(row, label, input, shown);
    if (message != null) {
      validate(field, message, support);
    }
    return shown;
  }

  /**
   * Adds a row whose input spans the field and message columns (long folder paths), with its
   * message on the row below; takes rows {@code row} and {@code row + 1}.
   */
  public static Label wideRow(
      GridPane g,
      int row,
      String text,
      Control field,
      Node input,
      ReadOnlyStringProperty message,
      ValidationSupport support) {
    Label label = new Label(text);
    label.setLabelFor(field);
    Label shown = messageLabel(field.getId() + "Message", message);
    shown.managedProperty().bind(shown.visibleProperty());
    g.add(label, 0, row);
    g.add(input, 1, row, 2, 1);
    g.add(shown, 1, row + 1, 2, 1);
    validate(field, message, support);
    return shown;
  }

  /** A red, wrapping label showing {@code message}, hidden while it is null. */
  public static Label messageLabel(String id, ReadOnlyStringProperty message) {
    Label shown = new Label();
    shown.setId(id);
    shown.getStyleClass().add("field-message");
    shown.setWrapText(true);
    shown.setMaxWidth(Double.MAX_VALUE);
    if (message != null) {
      shown.textProperty().bind(message);
      shown.visibleProperty().bind(message.isNotNull());
    }
    return shown;
  }

  /** Decorates {@code field} with {@code message}'s error, re-checked whenever it changes. */
  public static void validate(Control field, ReadOnlyStringProperty message, ValidationSupport support) {
    if (field instanceof Spinner && !spinnerExtractorAdded) {
      ValueExtractor.addObservableValueExtractor(
          c -> c instanceof Spinner, c -> ((Spinner<?>) c).valueProperty());
      spinnerExtractorAdded = true;
    }
    support.registerValidator(
        field,
        false,
        (Control c, Object value) ->
            ValidationResult.fromErrorIf(c, message.get(), message.get() != null));
    // Cross-field rules (hop vs n_fft) change a field's message without touching the field.
    message.addListener((o, a, b) -> support.revalidate(field));
  }

  public static TextField text(String id, StringProperty value, double prefColumns) {
    TextField t = new TextField();
    t.setId(id);
    t.setPrefColumnCount((int) prefColumns);
    t.textProperty().bindBidirectional(value);
    return t;
  }

  /** A "Choose…" button that puts the chosen folder's path into {@code target}. */
  public static Button chooseFolder(String id, String title, StringProperty target) {
    Button b = new Button("Choose…");
    b.setId(id);
    b.setMinWidth(Control.USE_PREF_SIZE);
    b.setOnAction(
        e -> {
          DirectoryChooser chooser = new DirectoryChooser();
          chooser.setTitle(title);
          File start = startFolder(target.get());
          if (start != null) {
            chooser.setInitialDirectory(start);
          }
          File chosen = chooser.showDialog(b.getScene() == null ? null : b.getScene().getWindow());
          if (chosen != null) {
            target.set(chosen.getAbsolutePath());
          }
        });
    return b;
  }

  /** The nearest existing folder of what is typed, for the chooser to open at. */
  private static File startFolder(String typed) {
    try {
      Path p = typed == null || typed.isBlank() ? null : Path.of(typed.strip()).toAbsolutePath();
      while (p != null && !Files.isDirectory(p)) {
        p = p.getParent();
      }
      return p == null ? null : p.toFile();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A muted explanatory paragraph. */
  public static Label hint(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("muted");
    l.setWrapText(true);
    return l;
  }
}
