package org.tkdworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.ui.shell.AppArgs;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.workspace.AppSettings;

/**
 * The first start of the real app on a new workspace and settings file: the workspace and its log
 * are created, the sample is registered, the guide leads to the sections and stays hidden once
 * hidden (across a restart), Settings saves the workspace folder, About lists the versions and
 * copies them, and an uncaught error is a dialog with "Copy details" while the app goes on.
 */
@Tag("ui")
class FirstStartAppTest {
  private final FxRobot robot = new FxRobot();
  @TempDir Path tmp;
  private Application app;
  private String oldSettings;
  private Thread.UncaughtExceptionHandler oldHandler;

  @BeforeEach
  void ownSettingsFile() {
    oldSettings = System.getProperty(AppSettings.FILE_PROPERTY);
    System.setProperty(AppSettings.FILE_PROPERTY, tmp.resolve("config/settings.json").toString());
    oldHandler = Thread.getDefaultUncaughtExceptionHandler();
  }

  @AfterEach
  void restore() throws Exception {
    AppTestSupport.close(app);
    if (oldSettings == null) {
      System.clearProperty(AppSettings.FILE_PROPERTY);
    } else {
      System.setProperty(AppSettings.FILE_PROPERTY, oldSettings);
    }
    Thread.setDefaultUncaughtExceptionHandler(oldHandler);
  }

  private void start(Path workspace) throws Exception {
    FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(() -> new WorkbenchApp(new AppArgs(workspace, null, List.of()), InspectorAppTest.ClockOutput::new));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aFirstStartCreatesTheWorkspaceRegistersTheSampleAndOffersTheGuide() throws Exception {
    Path ws = tmp.resolve("new-workspace");
    Path settings = tmp.resolve("config/settings.json");
    start(ws);

    assertThat(ws).isDirectory();
    assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText()).isEqualTo("Workspace: new-workspace");
    Path log = ws.resolve("logs/tkd-workbench.log");
    AppTestSupport.await("the log file says the app started", () -> Files.exists(log) && Files.readString(log).contains("started; workspace " + ws + " (created now)"));
    Path sample = SampleDataset.locate().orElseThrow();
    AppTestSupport.await("the sample is registered", 30, () -> Files.exists(ws.resolve(DatasetRegistry.FILE))
        && new DatasetRegistry(new org.tkdworkbench.workspace.Workspace(ws)).list().stream()
            .anyMatch(d -> d.name().equals(SampleDataset.REGISTERED_NAME) && d.root().equals(sample.toAbsolutePath().normalize().toString())));

    // The guide leads to a section.
    assertThat(robot.lookup("#gettingStarted").tryQuery()).isPresent();
    robot.clickOn("#guide-navStudent");
    AppTestSupport.await("the Student section is shown", () -> robot.lookup("#lambdaField").tryQuery().isPresent());

    // Hidden, and remembered.
    robot.clickOn("#hideGuide");
    assertThat(robot.lookup("#gettingStarted").tryQuery()).isEmpty();
    assertThat(AppSettings.load(settings).settings().showGuide()).isFalse();

    // Settings: a new workspace folder is saved for the next start.
    robot.clickOn("#openSettings");
    TextField folder = robot.lookup("#workspaceField").queryAs(TextField.class);
    robot.interact(() -> folder.setText(tmp.resolve("moved").toString()));
    robot.clickOn("OK");
    assertThat(AppSettings.load(settings).settings()).isEqualTo(new AppSettings(tmp.resolve("moved").toString(), false, Engines.current()));

    // Settings: the engine for new runs, applied at once and saved.
    String before = Engines.current();
    String other = before.equals(Engines.MXNET) ? Engines.PYTORCH : Engines.MXNET;
    try {
      robot.clickOn("#openSettings");
      @SuppressWarnings("unchecked")
      ComboBox<String> engine = robot.lookup("#engineBox").queryAs(ComboBox.class);
      assertThat(engine.getValue()).isEqualTo(before);
      assertThat(engine.getItems()).containsExactly(Engines.MXNET, Engines.PYTORCH);
      robot.interact(() -> engine.setValue(other));
      robot.clickOn("OK");
      assertThat(AppSettings.load(settings).settings().engine()).isEqualTo(other);
      assertThat(Engines.current()).isEqualTo(other);
    } finally {
      Engines.select(before); // the rest of the suite runs on the build's engine
    }

    // About: the versions, copyable.
    robot.clickOn("#openAbout");
    TextArea diagnostics = robot.lookup("#diagnostics").queryAs(TextArea.class);
    AppTestSupport.await("the diagnostics are collected", 30, () -> diagnostics.getText().contains("Engine:"));
    assertThat(diagnostics.getText()).contains("TKD Workbench: ").contains("Java: 17").contains("JavaFX: 21")
        .contains("Workspace: " + ws).contains("Log file: " + log);
    robot.clickOn("#copyDiagnostics");
    String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertThat(copied).isEqualTo(diagnostics.getText());
    robot.interact(() -> diagnostics.getScene().getWindow().hide());

    // An error nobody caught: a dialog, the details copyable, and the app goes on.
    Platform.runLater(() -> {
      throw new IllegalStateException("boom from a test");
    });
    AppTestSupport.await("the error dialog is shown", () -> robot.lookup("#copyErrorDetails")
        .match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery()
        .filter(n -> n.getScene().getWindow().isShowing()).isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(pane.getHeaderText()).isEqualTo("IllegalStateException: boom from a test");
    robot.clickOn("#copyErrorDetails");
    String details = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertThat(details).contains("java.lang.IllegalStateException: boom from a test").contains("Thread: JavaFX Application Thread");
    assertThat(robot.lookup("#copyErrorDetails").tryQuery()).as("copying does not close it").isPresent();
    robot.interact(() -> pane.getScene().getWindow().hide());
    robot.clickOn("#navRuns");
    AppTestSupport.await("the app still answers", () -> robot.lookup("#runsTable").tryQuery().isPresent());
    assertThat(Files.readString(log)).contains("Uncaught error in thread JavaFX Application Thread").contains("boom from a test");
  }

  @Test
  void aHiddenGuideStaysHiddenAndAKnownWorkspaceIsNotNew() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("old-workspace"));
    AppSettings.defaults().withShowGuide(false).save(tmp.resolve("config/settings.json"));
    start(ws);
    assertThat(robot.lookup("#gettingStarted").tryQuery()).isEmpty();
    assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText()).isEqualTo("Workspace: old-workspace");
    Path log = ws.resolve("logs/tkd-workbench.log");
    AppTestSupport.await("the log says the workspace existed", () -> Files.exists(log)
        && Files.readString(log).contains("started; workspace " + ws + " (existing)"));
  }
}
