package org.tkdworkbench.ui.setup;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.workspace.AppSettings;

/**
 * Settings: the workspace folder (used from the next start: the open one holds this session's
 * jobs, caches and runs), the engine new runs and teachers train on (from now on: a run records
 * its engine when it is launched, so queued and running ones keep theirs) and whether the
 * getting-started guide is shown. Returns the new settings; the caller saves and applies them.
 */
public final class SettingsDialog {
  private SettingsDialog() {}

  /** {@code ~} and {@code ~/x} as the user's home, the way a shell would read them. */
  static String expandHome(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equals("~") || t.startsWith("~/")) {
      return System.getProperty("user.home") + t.substring(1);
    }
    return t;
  }

  /**
   * @param current the settings in effect
   * @param workspaceInUse the workspace this session uses (shown, and the default's path)
   * @param defaultWorkspace where the workspace goes when none is chosen
   */
  public static Optional<AppSettings> showAndWait(Window owner, AppSettings current, Path workspaceInUse, Path defaultWorkspace) {
    Dialog<AppSettings> d = new Dialog<>();
    d.setTitle("Settings");
    d.setHeaderText("Settings");
    TextField folder = new TextField(current.workspace() == null ? "" : current.workspace());
    folder.setId("workspaceField");
    folder.setPromptText(defaultWorkspace.toString() + " (default)");
    folder.setPrefColumnCount(36);
    HBox.setHgrow(folder, Priority.ALWAYS);
    Button browse = new Button("Browse…");
    browse.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Workspace folder");
      File start = workspaceInUse.toFile();
      if (start.isDirectory()) {
        chooser.setInitialDirectory(start);
      }
      File f = chooser.showDialog(d.getDialogPane().getScene().getWindow());
      if (f != null) {
        folder.setText(f.getAbsolutePath());
      }
    });
    ComboBox<String> engine = new ComboBox<>(FXCollections.observableArrayList(Engines.available()));
    engine.setId("engineBox");
    engine.setValue(Engines.current()); // what new work uses now (a bad name in the file fell back at start)
    engine.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(String e) {
        return e == null ? "" : Engines.DEFAULT.equals(e) ? e + " (default)" : e;
      }

      @Override
      public String fromString(String s) {
        return s;
      }
    });
    Label engineNote = new Label("For runs and teachers started from now on; ones already queued or running keep"
        + " theirs. Each run records its engine.");
    engineNote.setWrapText(true);
    engineNote.setMaxWidth(520);
    engineNote.getStyleClass().add("muted");
    CheckBox guide = new CheckBox("Show the getting-started guide");
    guide.setId("showGuideBox");
    guide.setSelected(current.showGuide());
    Label note = new Label("In use now: " + workspaceInUse + ". A new folder is used from the next start"
        + " (runs, teachers and caches stay in the old one; --workspace and $TKD_WORKSPACE still win).");
    note.setWrapText(true);
    note.setMaxWidth(520);
    note.getStyleClass().add("muted");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(10);
    grid.setPadding(new Insets(10));
    grid.addRow(0, new Label("Workspace folder"), new HBox(6, folder, browse));
    grid.add(note, 1, 1);
    grid.addRow(2, new Label("Engine"), engine);
    grid.add(engineNote, 1, 3);
    grid.add(guide, 1, 4);
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    if (owner != null) {
      d.initOwner(owner);
    }
    Label problem = new Label();
    problem.setId("workspaceProblem");
    problem.setStyle("-fx-text-fill: #b42318;");
    grid.add(problem, 1, 5);
    // A relative folder would be resolved against wherever the launcher started (often /): refuse it.
    javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
    ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      String text = expandHome(folder.getText());
      if (!text.isBlank() && !Path.of(text).isAbsolute()) {
        problem.setText("Workspace folder: give a full path (starting with / or ~/), found '" + folder.getText().strip() + "'");
        e.consume();
      }
    });
    d.setResultConverter(b -> b == ButtonType.OK
        ? current.withWorkspace(expandHome(folder.getText())).withShowGuide(guide.isSelected())
            .withEngine(engine.getValue())
        : null);
    return d.showAndWait();
  }
}
