package org.tkdworkbench.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.jobs.SameThreadJobRunner;
import org.tkdworkbench.ui.Snapshots;
import org.tkdworkbench.ui.TestWavs;
import org.tkdworkbench.ui.plot.ColorMap;

/** The browser view on synthetic analyses: bindings, drawing, keys, with no decoder involved. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ClipBrowserViewTest {
  private static final int BAND = 20;
  private final FakeOutput output = new FakeOutput();
  private ClipBrowserViewModel vm;

  @Start
  void start(Stage stage) {
    ClipAnalyzer analyzer =
        (clip, ctx) -> {
          ClipAnalysis a = Synthetic.analysis(clip, BAND);
          float[] tone = TestWavs.tone(440, 1.0);
          return new ClipAnalysis(
              clip,
              tone,
              a.logMel(),
              a.spec(),
              org.tkdworkbench.ui.plot.WaveformEnvelope.of(tone, 16000, 4096));
        };
    vm =
        new ClipBrowserViewModel(
            new SameThreadJobRunner(), p -> 1.0, analyzer, output, Runnable::run);
    ClipBrowserView view = new ClipBrowserView(vm);
    Scene scene = new Scene((javafx.scene.Parent) view.root(), 1100, 700);
    scene.getStylesheets().add(getClass().getResource("/org/tkdworkbench/ui/workbench.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    vm.setDataset(Synthetic.index("yes/a.wav", "yes/b.wav:TEST", "no/c.wav"));
  }

  @Test
  void selectingARowDrawsTheBandAndSpaceToggles(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#clipTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(3);
    Label message = robot.lookup("#clipMessage").queryAs(Label.class);
    assertThat(message.isVisible()).isTrue();

    robot.clickOn("yes/b.wav".substring(4)); // the file cell "b.wav"
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.rasterProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(message.isVisible()).isFalse();

    Canvas canvas = robot.lookup("#spectrogramCanvas").queryAs(Canvas.class);
    WritableImage img = Snapshots.of(canvas);
    int h = (int) img.getHeight();
    // Band 20 of 32 is drawn at row (31 - 20) from the top, each band h/32 pixels tall.
    int bandY = (int) ((32 - 1 - BAND + 0.5) * h / 32);
    assertThat(Snapshots.rowLuma(img, bandY)).isGreaterThan(Snapshots.rowLuma(img, h / 8) + 80);
    assertThat(Snapshots.rowLuma(img, bandY)).isGreaterThan(Snapshots.rowLuma(img, h - 3) + 80);
    Snapshots.save(Snapshots.of(robot.lookup("#clipBrowser").query()), "browser-synthetic");

    robot.interact(() -> vm.colorMapProperty().set(ColorMap.GREY));
    WritableImage grey = Snapshots.of(canvas);
    int c = grey.getPixelReader().getArgb(10, bandY);
    assertThat((c >> 16) & 0xff).isEqualTo(c & 0xff); // grey: r == b

    Button play = robot.lookup("#playButton").queryAs(Button.class);
    assertThat(play.getText()).isEqualTo("Play");
    robot.type(KeyCode.SPACE);
    assertThat(play.getText()).isEqualTo("Stop");
    assertThat(output.playing).isTrue();
    robot.type(KeyCode.SPACE);
    assertThat(play.getText()).isEqualTo("Play");

    robot.clickOn("#clipTable").type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.selectedProperty().get().clip().id()).isEqualTo("no/c.wav");
  }
}
