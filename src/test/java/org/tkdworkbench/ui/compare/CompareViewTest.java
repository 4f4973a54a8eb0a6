package org.tkdworkbench.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.runs.ConfigTable;
import org.tkdworkbench.ui.Snapshots;
import org.tkdworkbench.ui.browser.DecodingClipAnalyzer;
import org.tkdworkbench.ui.browser.FakeOutput;

/** The compare view on two finished run folders: read the diff table, draw Fig. 2 for a clip. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
  private Path kd;
  private Path plain;
  private CompareViewModel vm;

  @Start
  void start(Stage stage) throws Exception {
    Path tmp = Files.createTempDirectory("compare-view");
    Path data = CompareFixtures.dataset(tmp.resolve("data"));
    kd = CompareFixtures.run(tmp.resolve("runs"), data, "tc-resnet", 0.25, 1, 0.9, 0.75, 2_000_000, true, 1);
    plain = CompareFixtures.run(tmp.resolve("runs"), data, "tc-resnet", 0.0, 1, 0.6, 0.5, 2_000_000, false, 3);
    vm = new CompareViewModel(
        new ExecutorJobRunner(1),
        new DecodingClipAnalyzer(new AudioDecoder(), new FeatureCache(tmp.resolve("cache")), DecodingClipAnalyzer.DISPLAY_SPEC),
        javafx.application.Platform::runLater);
    CompareView view = new CompareView(vm, new FakeOutput());
    Scene scene = new Scene((javafx.scene.Parent) view.root(), 1200, 760);
    scene.getStylesheets().add(getClass().getResource("/org/tkdworkbench/ui/workbench.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void readsTheDiffTableAndDrawsBothAttentionCurvesForAClip(FxRobot robot) throws Exception {
    robot.interact(() -> vm.setRuns(List.of(kd, plain)));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runsProperty().get().size() == 2);
    WaitForAsyncUtils.waitForFxEvents();

    robot.clickOn("Config");
    TableView<ConfigTable.Row> config = robot.lookup("#configTable").queryTableView();
    assertThat(config.getItems()).extracting(ConfigTable.Row::key).containsExactly("lambda");
    assertThat(config.getItems().get(0).values()).containsExactly("0.25", "0.0");
    robot.clickOn("#differencesOnly");
    assertThat(config.getItems().size()).isGreaterThan(5);

    robot.clickOn("Per clip (Fig. 2)");
    ListView<String> clips = robot.lookup("#clipDiffList").queryListView();
    assertThat(clips.getItems()).containsExactly("test/go/a.wav");
    robot.clickOn("test/go/a.wav");
    Canvas fig2 = robot.lookup("#fig2Canvas").queryAs(Canvas.class);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
        () -> "test/go/a.wav: 2 student curves and the target".equals(fig2.getAccessibleText()));
    WaitForAsyncUtils.waitForFxEvents();
    var image = Snapshots.of(fig2);
    assertThat(Snapshots.distinctColours(image)).as("spectrogram and curves drawn").isGreaterThan(30);
    // Both runs' curve colours are on the canvas.
    assertThat(hasColour(image, ClipAttentionPlot.PALETTE[0])).isTrue();
    assertThat(hasColour(image, ClipAttentionPlot.PALETTE[1])).isTrue();
  }

  private static boolean hasColour(javafx.scene.image.Image img, javafx.scene.paint.Color c) {
    var r = img.getPixelReader();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        javafx.scene.paint.Color p = r.getColor(x, y);
        if (Math.abs(p.getRed() - c.getRed()) < 0.02 && Math.abs(p.getGreen() - c.getGreen()) < 0.02 && Math.abs(p.getBlue() - c.getBlue()) < 0.02) {
          return true;
        }
      }
    }
    return false;
  }
}
