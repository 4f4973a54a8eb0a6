package org.tkdworkbench.ui.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart is drawn off the FX thread into an image of the view's size: the curve's colour is in
 * it, a new curve replaces it, a resize draws it again at the new size.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CurveChartTest {
  private CurveChart chart;
  private Stage stage;

  @Start
  void start(Stage primary) {
    // A stage of its own: resizing the shared primary stage would leave later tests' windows at
    // this test's size.
    stage = new Stage();
    chart = new CurveChart("Loss", "epoch", "loss");
    stage.setScene(new Scene(new StackPane(chart.node()), 400, 260));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(stage::close);
  }

  private static CurveChart.Line line(Color c) {
    return new CurveChart.Line("loss", new double[] {1, 2, 3, 4}, new double[] {2.0, 1.2, 0.8, 0.7}, c, false);
  }

  private Image image() {
    return ((ImageView) ((Pane) chart.node()).getChildrenUnmodifiable().get(0)).getImage();
  }

  /** Pixels within 40 of {@code c} in each channel. */
  private static int pixelsNear(Image img, Color c) {
    PixelReader r = img.getPixelReader();
    int n = 0;
    for (int y = 0; y < (int) img.getHeight(); y++) {
      for (int x = 0; x < (int) img.getWidth(); x++) {
        int argb = r.getArgb(x, y);
        if (Math.abs(((argb >> 16) & 0xff) - c.getRed()) < 40 && Math.abs(((argb >> 8) & 0xff) - c.getGreen()) < 40
            && Math.abs((argb & 0xff) - c.getBlue()) < 40) {
          n++;
        }
      }
    }
    return n;
  }

  private void awaitPainted(int atLeast) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.painted() >= atLeast);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void drawsOffTheFxThreadAtTheViewsSizeAndRedrawsOnChangeAndResize(FxRobot robot) throws Exception {
    Color red = new Color(220, 20, 20);
    Color blue = new Color(20, 20, 220);
    robot.interact(() -> chart.show(List.of(line(red)), 0));
    awaitPainted(1);
    assertThat(chart.paintedOn()).as("drawn on the painter, not the FX thread").isEqualTo("tkd-chart-painter-1");
    assertThat(chart.redraws()).isEqualTo(1);
    Image first = image();
    assertThat(first.getWidth()).isEqualTo(400);
    assertThat(first.getHeight()).isEqualTo(260);
    assertThat(pixelsNear(first, red)).as("the red curve is drawn").isGreaterThan(50);
    assertThat(pixelsNear(first, blue)).isZero();

    int before = chart.painted();
    robot.interact(() -> chart.show(List.of(line(blue)), 0));
    awaitPainted(before + 1);
    assertThat(pixelsNear(image(), blue)).as("the new curve").isGreaterThan(50);
    assertThat(pixelsNear(image(), red)).as("the old one is gone").isZero();

    before = chart.painted();
    robot.interact(() -> stage.setWidth(stage.getWidth() + 200));
    awaitPainted(before + 1);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> image().getWidth() == ((Pane) chart.node()).getWidth());
    assertThat(image().getWidth()).isGreaterThan(400);
  }

  /** A hidden chart draws nothing, however often its curves change, and draws once when shown. */
  @Test
  void aHiddenChartDrawsOnceWhenShown(FxRobot robot) throws Exception {
    javafx.beans.property.SimpleBooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(false);
    Color red = new Color(220, 20, 20);
    Color blue = new Color(20, 20, 220);
    Thread.sleep(500); // the empty chart's first layout may have asked for a drawing: let it land
    WaitForAsyncUtils.waitForFxEvents();
    int before = chart.painted();
    robot.interact(() -> {
      chart.paintWhile(shown);
      chart.show(List.of(line(red)), 0);
      chart.show(List.of(line(blue)), 0);
      stage.setWidth(stage.getWidth() + 100); // a resize while hidden
    });
    Thread.sleep(500); // long enough for the painter to have drawn, had it been asked
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(chart.painted()).as("nothing drawn while hidden").isEqualTo(before);
    robot.interact(() -> shown.set(true));
    awaitPainted(before + 1);
    Thread.sleep(300);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(chart.painted()).as("one drawing for everything asked meanwhile").isEqualTo(before + 1);
    assertThat(pixelsNear(image(), blue)).as("the latest curves").isGreaterThan(50);
    assertThat(pixelsNear(image(), red)).isZero();
  }
}
