package org.tkdworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioPlayer;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.audio.PlaybackUnavailableException;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.features.MelScale;
import org.tkdworkbench.ui.browser.ClipRow;
import org.tkdworkbench.ui.plot.MelAxis;
import org.tkdworkbench.ui.shell.AppArgs;

/**
 * Starts the real app (real decoder, feature cache, job runner and, by default, Java Sound) on a
 * generated Speech Commands tree and clicks through the clip browser headlessly.
 */
@Tag("ui")
class WorkbenchAppTest {
  private final FxRobot robot = new FxRobot();
  private Application app;
  @TempDir Path tmp;

  private void startApp(Path dataset, Supplier<PlaybackOutput> outputs) throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            () -> new WorkbenchApp(new AppArgs(tmp.resolve("ws"), dataset, List.of()), outputs));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.getTitle()).isEqualTo("TKD Workbench");
  }

  @AfterEach
  void stopApp() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    FxToolkit.cleanupStages();
  }

  private TableView<ClipRow> table() {
    return robot.lookup("#clipTable").queryTableView();
  }

  private Node row(String id) {
    return robot
        .lookup("#clipTable .table-row-cell")
        .match(
            n ->
                n instanceof TableRow<?> r
                    && r.getItem() instanceof ClipRow c
                    && c.clip().id().equals(id))
        .query();
  }

  private String status() {
    return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
  }

  private Label message() {
    return robot.lookup("#clipMessage").queryAs(Label.class);
  }

  private static void await(String what, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  /** Waits until the spectrogram canvas shows {@code id} as a real picture; returns a snapshot. */
  private WritableImage awaitSpectrogram(String id) throws Exception {
    Canvas canvas = robot.lookup("#spectrogramCanvas").queryAs(Canvas.class);
    await("the spectrogram of " + id + " is drawn",
        () -> ("Log-mel spectrogram of " + id).equals(canvas.getAccessibleText())
            && !message().isVisible()
            && Snapshots.distinctColours(Snapshots.of(canvas)) > 30);
    return Snapshots.of(canvas);
  }

  /** Row of the canvas image where {@code hz} is drawn (128 display mels up to 8 kHz). */
  private static int yOf(double hz, WritableImage img) {
    double f = new MelAxis(128, 0, 8000, MelScale::hzToMel).fraction(hz);
    return (int) Math.round((1 - f) * (img.getHeight() - 1));
  }

  @Test
  void browsesPlaysFiltersAndSurvivesABrokenFile() throws Exception {
    Path data = TestWavs.speechCommands(tmp.resolve("speech"));
    startApp(data, AudioPlayer::new);

    // Shell: only the sections that exist.
    assertThat(robot.lookup(".nav-button").queryAll())
        .extracting(n -> ((ToggleButton) n).getText())
        .containsExactly("Datasets", "Teacher", "Student", "Runs", "Compare");
    assertThat(robot.lookup("#navDatasets").queryAs(ToggleButton.class).isSelected()).isTrue();

    // The table fills, then the durations come in.
    await("the table shows the clips", () -> table().getItems().size() == 4);
    await("durations are read",
        () -> table().getItems().stream().allMatch(r -> r.durationProperty().get() != null));
    ClipRow tone = table().getItems().stream()
        .filter(r -> r.clip().id().equals("yes/tone1k.wav")).findFirst().orElseThrow();
    assertThat(tone.durationProperty().get()).isEqualTo(2.0);
    assertThat(robot.lookup("#datasetSummary").queryAs(Label.class).getText())
        .contains("4 clips, 2 labels (2 train, 1 val, 1 test), 1 noise files");

    // Select the 1 kHz tone: its band is the brightest row of a real, many-coloured picture.
    robot.clickOn(row("yes/tone1k.wav"));
    WritableImage img = awaitSpectrogram("yes/tone1k.wav");
    Snapshots.save(img, "app-spectrogram-1k");
    Snapshots.save(Snapshots.of(robot.lookup("#shell").query()), "app-window");
    assertThat(Snapshots.distinctColours(img)).isGreaterThan(30);
    double at1k = Snapshots.rowLuma(img, yOf(1000, img));
    assertThat(at1k).isGreaterThan(Snapshots.rowLuma(img, yOf(250, img)) + 60);
    assertThat(at1k).isGreaterThan(Snapshots.rowLuma(img, yOf(4000, img)) + 60);
    assertThat(status()).startsWith("yes/tone1k.wav: yes, train, 2.00 s");

    // Play toggles to Stop and the cursor moves; or, with no sound device, the button says so.
    Button play = robot.lookup("#playButton").queryButton();
    robot.clickOn(play);
    if (soundLineAvailable()) {
      await("the button says Stop", () -> play.getText().equals("Stop"));
      Line cursor = robot.lookup("#playCursor").queryAs(Line.class);
      await("the cursor shows", cursor::isVisible);
      double x0 = cursor.getStartX();
      await("the cursor moves", () -> cursor.getStartX() > x0 + 5);
      robot.clickOn(play);
      await("the button says Play again", () -> play.getText().equals("Play"));
      assertThat(cursor.isVisible()).isFalse();
    } else {
      await("the button says there is no output", () -> play.getText().equals("No audio output"));
      assertThat(status()).contains("No audio output");
    }

    // Filter by text, then by split.
    robot.clickOn("#clipFilter").write("tone");
    await("two tones are listed", () -> table().getItems().size() == 2);
    assertThat(robot.lookup("#clipCount").queryAs(Label.class).getText()).isEqualTo("2 of 4 clips");
    TextField filter = robot.lookup("#clipFilter").queryAs(TextField.class);
    robot.interact(() -> filter.setText(""));
    ComboBox<String> split = robot.lookup("#splitFilter").queryComboBox();
    robot.interact(() -> split.setValue("validation"));
    assertThat(table().getItems()).extracting(r -> r.clip().id()).containsExactly("no/noise.wav");
    robot.interact(() -> split.setValue("All splits"));
    assertThat(table().getItems()).hasSize(4);

    // A broken WAV: a message with its reason over the plot and in the status bar, no dialog.
    robot.clickOn(row("yes/broken.wav"));
    await("the error shows", () -> message().isVisible() && message().getText() != null
        && message().getText().startsWith("yes/broken.wav: "));
    String reason = message().getText().substring("yes/broken.wav: ".length());
    assertThat(Arrays.stream(AudioDecodeException.Reason.values()).map(r -> r.summary()))
        .anySatisfy(s -> assertThat(reason).startsWith(s));
    assertThat(message().getStyleClass()).contains("plot-error");
    assertThat(status()).isEqualTo(message().getText());
    assertThat(play.isDisabled()).isTrue();
    assertThat(robot.listWindows()).hasSize(1);

    // ... and the app goes on: the 3 kHz tone draws, its band above the 1 kHz row.
    robot.clickOn(row("no/tone3k.wav"));
    WritableImage img3 = awaitSpectrogram("no/tone3k.wav");
    assertThat(Snapshots.rowLuma(img3, yOf(3000, img3)))
        .isGreaterThan(Snapshots.rowLuma(img3, yOf(1000, img3)) + 60);

    // Keys: up moves the selection, space plays.
    robot.type(KeyCode.UP);
    await("up selects the previous row",
        () -> table().getSelectionModel().getSelectedItem().clip().id().equals("no/noise.wav"));
    awaitSpectrogram("no/noise.wav");
    robot.type(KeyCode.SPACE);
    String expected = soundLineAvailable() ? "Stop" : "No audio output";
    await("space toggles play", () -> play.getText().equals(expected));
  }

  @Test
  void withoutASoundDeviceTheButtonSaysSoAndTheAppGoesOn() throws Exception {
    Path data = TestWavs.speechCommands(tmp.resolve("speech"));
    startApp(data, NoOutput::new);
    await("the table shows the clips", () -> table().getItems().size() == 4);
    robot.clickOn(row("no/tone3k.wav"));
    awaitSpectrogram("no/tone3k.wav");
    Button play = robot.lookup("#playButton").queryButton();
    robot.clickOn(play);
    assertThat(play.getText()).isEqualTo("No audio output");
    assertThat(play.getTooltip().getText()).startsWith("No audio output: no sound device here");
    assertThat(status()).isEqualTo("No audio output: no sound device here");

    robot.clickOn(row("yes/tone1k.wav"));
    WritableImage img = awaitSpectrogram("yes/tone1k.wav");
    assertThat(Snapshots.rowLuma(img, yOf(1000, img)))
        .isGreaterThan(Snapshots.rowLuma(img, yOf(3000, img)) + 60);
  }

  @Test
  void opensTheBundledSampleWhenItIsThere() throws Exception {
    Optional<Path> sample = SampleDataset.locate();
    assumeThat(sample).as("sample-audio/ is bundled in this checkout").isPresent();
    startApp(null, NoOutput::new);
    await("the sample's clips are listed", () -> !table().getItems().isEmpty());
    robot.interact(() -> table().getSelectionModel().select(0));
    WritableImage img = awaitSpectrogram(table().getItems().get(0).clip().id());
    Snapshots.save(Snapshots.of(robot.lookup("#shell").query()), "app-sample");
    assertThat(Snapshots.distinctColours(img)).isGreaterThan(30);
    assertThat(robot.lookup("#datasetSummary").queryAs(Label.class).getText())
        .startsWith(sample.get().getFileName().toString());
  }

  /**
   * Whether Java Sound offers a line here. Under surefire ALSA_CONFIG_PATH points at ALSA's null
   * device, which does (AudioPlayerTest insists on it); without sound support the honest outcome
   * is the "No audio output" button, and that is what gets checked then.
   */
  private static boolean soundLineAvailable() {
    AudioFormat f = new AudioFormat(16000, 16, 1, true, false);
    return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, f));
  }

  /** An output that has no device, like a server or a CI box without ALSA. */
  static final class NoOutput implements PlaybackOutput {
    @Override
    public void play(float[] samples, int sampleRate, Runnable onFinished)
        throws PlaybackUnavailableException {
      throw new PlaybackUnavailableException("No audio output: no sound device here", null);
    }

    @Override
    public void stop() {}

    @Override
    public boolean isPlaying() {
      return false;
    }

    @Override
    public double positionSeconds() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
