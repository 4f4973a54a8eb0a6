package org.tkdworkbench.ui.setup;

import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import org.tkdworkbench.Diagnostics;
import org.tkdworkbench.jobs.JobRunner;

/**
 * About / diagnostics: the versions of the app, Java, JavaFX, DJL and its engine, the native
 * library's folder, threads, workspace and log file ({@link Diagnostics}), copyable for a bug
 * report. Collected in a job: asking the engine its version may start it.
 */
public final class AboutDialog {
  /** The copy button. */
  public static final ButtonType COPY = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);

  private AboutDialog() {}

  /** Opens the dialog (not modal) and fills it when the job has collected the lines. */
  public static Dialog<Void> show(Window owner, JobRunner jobs, Path workspace, Path logFile) {
    Dialog<Void> d = new Dialog<>();
    d.setTitle("About TKD Workbench");
    d.setHeaderText("TKD Workbench — temporal knowledge distillation for on-device audio classifiers");
    TextArea text = new TextArea("Collecting versions…");
    text.setId("diagnostics");
    text.setEditable(false);
    text.setPrefColumnCount(70);
    text.setPrefRowCount(13);
    text.setStyle("-fx-font-family: monospace;");
    d.getDialogPane().setContent(text);
    d.getDialogPane().getButtonTypes().setAll(COPY, ButtonType.CLOSE);
    Button copy = (Button) d.getDialogPane().lookupButton(COPY);
    copy.setId("copyDiagnostics");
    copy.setDisable(true);
    copy.addEventFilter(ActionEvent.ACTION, e -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(text.getText());
      Clipboard.getSystemClipboard().setContent(c);
      copy.setText("Copied");
      e.consume();
    });
    if (owner != null) {
      d.initOwner(owner);
    }
    jobs.submit("Collecting diagnostics", ctx -> Diagnostics.collect(workspace, logFile))
        .result()
        .whenComplete((Map<String, String> lines, Throwable err) -> Platform.runLater(() -> {
          text.setText(err == null ? Diagnostics.text(lines) : "Could not collect the diagnostics: " + err.getMessage());
          copy.setDisable(false);
        }));
    d.show();
    return d;
  }
}
