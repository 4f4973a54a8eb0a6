package org.tkdworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.ui.browser.ClipRow;
import org.tkdworkbench.ui.inspector.FakeTeacher;
import org.tkdworkbench.ui.inspector.InspectorSetup;
import org.tkdworkbench.ui.inspector.TeacherSource;
import org.tkdworkbench.ui.inspector.TestMaps;
import org.tkdworkbench.ui.shell.AppArgs;

/**
 * Starts the real app (real decoder, feature cache, runner) with a fake teacher of known attention
 * injected through the composition root, opens the Teacher section, selects clips, switches the
 * head heatmap's layer and exports the panel as PNG, all headlessly.
 */
@Tag("ui")
class InspectorAppTest {
  private final FxRobot robot = new FxRobot();
  private Application app;
  @TempDir Path tmp;

  @AfterEach
  void stopApp() throws Exception {
    AppTestSupport.close(app);
  }


  private Canvas canvas(String id) {
    return robot.lookup(id).queryAs(Canvas.class);
  }

  private static boolean same(WritableImage a, WritableImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return false;
    }
    PixelReader ra = a.getPixelReader();
    PixelReader rb = b.getPixelReader();
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A sound output that plays nothing but keeps time, so the cursor moves without a device. */
  static final class ClockOutput implements org.tkdworkbench.audio.PlaybackOutput {
    private volatile long start;
    private volatile double seconds;

    @Override
    public void play(float[] samples, int sampleRate, Runnable onFinished) {
      start = System.nanoTime();
      seconds = samples.length / (double) sampleRate;
    }

    @Override
    public void stop() {
      seconds = 0;
    }

    @Override
    public boolean isPlaying() {
      return positionSeconds() < seconds;
    }

    @Override
    public double positionSeconds() {
      return Math.min(seconds, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {}
  }

  @Test
  void opensTheInspectorDrawsTheTeachersAttentionSwitchesLayersAndExportsPng() throws Exception {
    Path data = tmp.resolve("noisy");
    TestWavs.write(data.resolve("yes/tone.wav"), TestWavs.tone(1000, 1.0));
    TestWavs.write(data.resolve("no/noise.wav"), TestWavs.noise(1.0, 3));
    Files.writeString(
        data.resolve("keyword_spans.csv"),
        "clip,start_s,end_s\nyes/tone.wav,0.300000,0.600000\nno/noise.wav,0.100000,0.400000\n");
    Path teacherDir = tmp.resolve("ws/teachers/fake");
    Path png = tmp.resolve("export/inspector.png");
    Files.createDirectories(png.getParent());
    TeacherSource fake =
        new TeacherSource() {
          @Override
          public List<Path> list() {
            return List.of(teacherDir);
          }

          @Override
          public AttentionTeacher open(Path folder) {
            return new FakeTeacher();
          }
        };

    Stage stage = FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            () ->
                new WorkbenchApp(
                    new AppArgs(tmp.resolve("ws"), data, List.of()),
                    ClockOutput::new,
                    ws -> new InspectorSetup(fake, new TestMaps(), w -> png)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.getTitle()).isEqualTo("TKD Workbench");

    robot.clickOn("#navTeacher");
    ComboBox<Path> teacher = robot.lookup("#teacherChoice").queryComboBox();
    AppTestSupport.await("the workspace's teacher is chosen", () -> teacherDir.equals(teacher.getValue()));
    ListView<ClipRow> list = robot.lookup("#inspectorClipList").queryListView();
    AppTestSupport.await("the clips are listed", () -> list.getItems().size() == 2);

    Node cell =
        robot
            .lookup("#inspectorClipList .list-cell")
            .match(
                n ->
                    n instanceof ListCell<?> c
                        && c.getText() != null
                        && c.getText().startsWith("yes/tone.wav"))
            .query();
    robot.clickOn(cell);
    Label prediction = robot.lookup("#predictionLabel").queryAs(Label.class);
    AppTestSupport.await(
        "the prediction shows, marked right",
        () ->
            prediction.getText().startsWith("predicted yes (88 %) · true yes")
                && prediction.getStyleClass().contains("prediction-right"));
    Label peak = robot.lookup("#spanCheckLabel").queryAs(Label.class);
    AppTestSupport.await(
        "the curve's peak is checked against the keyword span",
        () ->
            peak.getText().startsWith("peak ")
                && peak.getText().endsWith("the keyword (0.30–0.60 s)")
                && (peak.getStyleClass().contains("prediction-right")
                    == peak.getText().contains("inside")));
    AppTestSupport.await(
        "the head heatmap shows the last layer",
        () -> "Heads of layer 2".equals(canvas("#headHeatmap").getAccessibleText()));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(Snapshots.distinctColours(Snapshots.of(canvas("#inspectorSpectrogram"))))
        .isGreaterThan(30);
    // The panels' images are built by jobs off the FX thread: wait for them rather than race them
    // (on a loaded machine the labels above can be set before the images arrive).
    for (String panel : List.of("#rolloutCurve", "#layerHeatmap", "#headHeatmap")) {
      AppTestSupport.await(panel + " is drawn", () -> Snapshots.distinctColours(Snapshots.of(canvas(panel))) > 3);
    }
    WritableImage before = Snapshots.of(canvas("#headHeatmap"));
    assertThat(canvas("#inspectorSpan").getAccessibleText()).isEqualTo("keyword 0.30–0.60 s");

    robot.clickOn("#layerChoice");
    robot.clickOn("heads of layer 1");
    AppTestSupport.await(
        "the head heatmap shows layer 1",
        () -> "Heads of layer 1".equals(canvas("#headHeatmap").getAccessibleText()));
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage after = Snapshots.of(canvas("#headHeatmap"));
    assertThat(same(before, after)).as("another layer's heads look different").isFalse();
    Snapshots.save(Snapshots.of(robot.lookup("#shell").query()), "inspector-window");

    robot.clickOn("#exportPng");
    AppTestSupport.await("the PNG is written", () -> Files.isRegularFile(png));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isGreaterThan(400);
    assertThat(img.getHeight()).isGreaterThan(300);
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("a real picture, not a blank").isGreaterThan(50);
    Label message = robot.lookup("#inspectorMessage").queryAs(Label.class);
    AppTestSupport.await("the message says where", () -> ("Saved " + png).equals(message.getText()));

    // Space plays: the cursor crosses all four panels and moves.
    robot.clickOn(list);
    robot.type(KeyCode.SPACE);
    javafx.scene.shape.Line cursor =
        robot.lookup("#inspectorCursor").queryAs(javafx.scene.shape.Line.class);
    AppTestSupport.await("the cursor shows", cursor::isVisible);
    Canvas spec = canvas("#inspectorSpectrogram");
    Canvas heads = canvas("#headHeatmap");
    assertThat(cursor.getStartY()).isLessThanOrEqualTo(spec.getLayoutY());
    assertThat(cursor.getEndY()).isGreaterThanOrEqualTo(heads.getLayoutY() + heads.getHeight());
    double x0 = cursor.getStartX();
    AppTestSupport.await("the cursor moves", () -> cursor.getStartX() > x0 + 5);
    robot.type(KeyCode.SPACE);
    AppTestSupport.await("space stops it", () -> !cursor.isVisible());

    // Keys: Page Up steps to the previous clip; its keyword span moves with it.
    robot.clickOn(list);
    robot.type(KeyCode.PAGE_UP);
    AppTestSupport.await(
        "page up selects the other clip",
        () ->
            list.getSelectionModel().getSelectedItem() != null
                && !list.getSelectionModel().getSelectedItem().clip().id().equals("yes/tone.wav"));
    AppTestSupport.await(
        "its span shows",
        () -> "keyword 0.10–0.40 s".equals(canvas("#inspectorSpan").getAccessibleText()));
    AppTestSupport.await("its prediction is wrong", () -> prediction.getStyleClass().contains("prediction-wrong"));
  }
}
