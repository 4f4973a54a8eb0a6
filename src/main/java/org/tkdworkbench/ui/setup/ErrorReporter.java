package org.tkdworkbench.ui.setup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.BuildInfo;

/**
 * Turns an exception nobody caught, on any thread, into a log entry and a dialog: what went
 * wrong in a sentence, the details (thread, stack, versions) behind "Show details" and a
 * <b>Copy details</b> button for a bug report. The app keeps running: the FX thread goes on with
 * its next event. One dialog at a time; errors that come while it is open are logged and counted
 * in it, so a failure repeated every pulse cannot bury the screen in windows.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  /** The dialog's copy button. */
  public static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

  private final Supplier<Window> owner;
  private final Path logFile;
  private final Thread.UncaughtExceptionHandler previous;
  private Alert open;
  private int more;

  private ErrorReporter(Supplier<Window> owner, Path logFile) {
    this.owner = owner;
    this.logFile = logFile;
    this.previous = Thread.getDefaultUncaughtExceptionHandler();
  }

  /** Puts back the handler that was there before {@link #install} (the app's stop). */
  public void uninstall() {
    if (Thread.getDefaultUncaughtExceptionHandler() == this) {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  /**
   * Becomes the default handler of uncaught exceptions for every thread, the FX thread included.
   *
   * @param owner the window the dialog belongs to (may give null)
   * @param logFile where the log is written, named in the dialog (may be null)
   */
  public static ErrorReporter install(Supplier<Window> owner, Path logFile) {
    ErrorReporter r = new ErrorReporter(owner, logFile);
    Thread.setDefaultUncaughtExceptionHandler(r);
    return r;
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    LOG.error("Uncaught error in thread {}", thread.getName(), error);
    String details = details(thread, error);
    try {
      if (Platform.isFxApplicationThread()) {
        show(error, details);
      } else {
        Platform.runLater(() -> show(error, details));
      }
    } catch (RuntimeException | Error e) { // the toolkit is gone (closing): the log has it
      LOG.debug("could not show the error dialog", e);
    }
  }

  /** The text "Copy details" puts on the clipboard. */
  static String details(Thread thread, Throwable error) {
    StringWriter w = new StringWriter();
    w.append("TKD Workbench ").append(BuildInfo.version())
        .append(", Java ").append(System.getProperty("java.version"))
        .append(", ").append(System.getProperty("os.name")).append('\n')
        .append("Thread: ").append(thread.getName()).append('\n');
    error.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private void show(Throwable error, String details) {
    if (open != null) {
      more++;
      open.setContentText(sentence(error) + "\n\n" + more + " more error(s) since; all are in the log.");
      return;
    }
    Alert a = new Alert(Alert.AlertType.ERROR);
    a.setTitle("Something went wrong");
    a.setHeaderText(error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    a.setContentText(sentence(error));
    TextArea area = new TextArea(details);
    area.setId("errorDetails");
    area.setEditable(false);
    area.setPrefRowCount(14);
    a.getDialogPane().setExpandableContent(area);
    a.getDialogPane().getButtonTypes().setAll(COPY, ButtonType.CLOSE);
    Button copy = (Button) a.getDialogPane().lookupButton(COPY);
    copy.setId("copyErrorDetails");
    copy.addEventFilter(ActionEvent.ACTION, e -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(details);
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
      copy.setText("Copied");
      e.consume(); // copying does not close the dialog
    });
    Window w = owner.get();
    if (w != null && w.isShowing()) {
      a.initOwner(w);
    }
    a.setOnHidden(e -> {
      open = null;
      more = 0;
    });
    open = a;
    more = 0;
    a.show();
  }

  private String sentence(Throwable error) {
    return "The app goes on; what you were doing may not have finished. "
        + (logFile == null ? "" : "The details are also in " + logFile + ". ")
        + "\"Copy details\" puts them on the clipboard for a bug report.";
  }
}
