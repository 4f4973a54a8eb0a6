package org.tkdworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.ui.inspector.InspectorSetup;
import org.tkdworkbench.ui.plot.CurveChart;
import org.tkdworkbench.ui.runs.CoreTraining;
import org.tkdworkbench.ui.shell.AppArgs;

/**
 * The real app and the real training engine, headless: design a tiny student in the Student
 * section, click Launch run, and watch the Runs section's charts receive its epochs; a corrupt run
 * folder in the same store is a row with its error, not a crash.
 */
@Tag("ui")
@Tag("engine")
class RunsAppTest {
  private final FxRobot robot = new FxRobot();
  private Application app;
  @TempDir Path tmp;

  @AfterEach
  void stopApp() throws Exception {
    AppTestSupport.close(app);
  }


  /** Two classes, a 300 Hz or 3 kHz tone in noise, 0.5 s; train/validation/test folders. */
  private static Path toneDataset(Path root) throws Exception {
    int k = 0;
    for (String split : new String[] {"train", "validation", "test"}) {
      int count = split.equals("train") ? 6 : 2;
      for (int i = 0; i < count; i++) {
        for (String cls : new String[] {"low", "high"}) {
          float[] tone = TestWavs.tone(cls.equals("low") ? 300 : 3000, 0.5);
          float[] noise = TestWavs.noise(0.5, k++);
          for (int s = 0; s < tone.length; s++) {
            tone[s] += 0.3f * noise[s];
          }
          TestWavs.write(root.resolve(split + "/" + cls + "/" + i + ".wav"), tone);
        }
      }
    }
    return root;
  }

  private static XYSeries series(CurveChart chart, String key) {
    XYSeriesCollection d = chart.dataset();
    int i = d.getSeriesIndex(key);
    return i < 0 ? null : d.getSeries(i);
  }

  private static int count(CurveChart chart, String key) {
    XYSeries s = series(chart, key);
    return s == null ? -1 : s.getItemCount();
  }

  private static CurveChart chart(String id) {
    return (CurveChart) new FxRobot().lookup(id).query().getProperties().get(CurveChart.class);
  }

  @Test
  void launchesARunFromTheDesignerAndItsChartsReceiveEveryEpoch() throws Exception {
    Path data = toneDataset(tmp.resolve("tones"));
    Path ws = tmp.resolve("ws");
    Files.createDirectories(ws.resolve("runs/zz-broken"));
    Files.writeString(ws.resolve("runs/zz-broken/run.json"), "{ cut off");

    FxToolkit.registerPrimaryStage();
    app =
        FxToolkit.setupApplication(
            () ->
                new WorkbenchApp(
                    new AppArgs(ws, data, List.of()),
                    InspectorAppTest.ClockOutput::new,
                    InspectorSetup::of,
                    (w, queue) -> new CoreTraining(queue, w, 1),
                    (spec, frames, engine) -> 0.5));
    Label summary = robot.lookup("#datasetSummary").queryAs(Label.class);
    AppTestSupport.await("the dataset is open", 30, () -> summary.getText().contains("20 clips"));

    robot.clickOn("#navStudent");
    TextField lambda = robot.lookup("#lambdaField").queryAs(TextField.class);
    TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);
    robot.interact(() -> {
      lambda.setText("0"); // no teacher in this workspace: the plain student
      epochs.setText("3");
    });
    Label latency = robot.lookup("#latency").queryAs(Label.class);
    AppTestSupport.await("the latency is measured", 30, () -> latency.getText().startsWith("0.50 ms per clip"));
    assertThat(robot.lookup("#costPanel").queryAs(Label.class).getText()).contains("parameters").contains("per 0.5 s clip");
    Button launch = robot.lookup("#launchRun").queryButton();
    AppTestSupport.await("Launch is enabled", 10, () -> !launch.isDisabled());
    // A sweep to queue behind the run: seeds 1 and 2, so seed 1 is the launched run, reused.
    robot.interact(() -> {
      robot.lookup("#studentsField").queryAs(TextField.class).setText("tc-resnet");
      robot.lookup("#lambdasField").queryAs(TextField.class).setText("0");
      robot.lookup("#seedsField").queryAs(TextField.class).setText("2");
    });
    Button sweep = robot.lookup("#launchSweep").queryButton();
    org.tkdworkbench.ui.shell.FxPulseProbe idle = new org.tkdworkbench.ui.shell.FxPulseProbe();
    robot.interact(idle::start);
    Thread.sleep(2000);
    robot.interact(idle::stop);
    System.out.println("FX pulse probe idle: " + idle.report());
    org.tkdworkbench.ui.shell.FxPulseProbe clicks = new org.tkdworkbench.ui.shell.FxPulseProbe();
    robot.interact(clicks::start);
    robot.clickOn(launch);
    robot.interact(sweep::fire);
    robot.interact(clicks::stop);
    // From here on a run trains and streams while the sweep waits in the queue: item 4's case.
    org.tkdworkbench.ui.shell.FxPulseProbe probe = new org.tkdworkbench.ui.shell.FxPulseProbe();
    robot.interact(probe::start);
    AppTestSupport.await("the app shows the Runs section after the launch", 120, () -> robot.lookup("#runsTable").tryQuery().isPresent());
    TableView<org.tkdworkbench.ui.runs.RunRow> table = robot.lookup("#runsTable").queryTableView();
    try {
      AppTestSupport.await("the run and the sweep's new seed finished", 400, () -> listings(table).stream()
          .filter(r -> r.ok() && r.state() == RunState.FINISHED).count() == 2);
    } catch (AssertionError e) {
      StringBuilder b = new StringBuilder(e.getMessage()).append("; status: ")
          .append(robot.lookup("#statusBar").query().toString());
      for (RunListing r : listings(table)) {
        b.append("\n  ").append(r.name()).append(' ').append(r.state()).append(' ').append(r.error());
        Path status = r.folder().resolve("status.json");
        if (Files.exists(status)) {
          b.append("\n").append(Files.readString(status));
        }
        Path log = r.folder().resolve("log.txt");
        if (Files.exists(log)) {
          b.append("\n").append(Files.readString(log));
        }
      }
      throw new AssertionError(b.toString(), e);
    }
    robot.interact(probe::stop);
    // Measured, not asserted (timing belongs in the README's benchmark numbers, not in a test).
    System.out.println("FX pulse probe over the two launch clicks: " + clicks.report());
    clicks.stalls().forEach(st -> System.out.println("  FX thread " + st));
    System.out.println("FX pulse probe while training a run with a sweep queued: " + probe.report());
    probe.stalls().forEach(st -> System.out.println("  FX thread " + st));
    assertThat(table.getItems()).as("the sweep reused the finished seed-1 run").hasSize(3);
    RunListing broken = listings(table).stream().filter(r -> !r.ok()).findFirst().orElseThrow();
    assertThat(broken.name()).isEqualTo("zz-broken");
    assertThat(broken.error()).contains("run.json");

    // The first launched run is followed: three epochs in each chart.
    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    CurveChart losses = chart("#lossChart");
    CurveChart metric = chart("#metricChart");
    // Selecting another run clears the charts until the next poll has read its file: wait for all.
    AppTestSupport.await("both charts have 3 epochs of the selected run", 10, () -> count(losses, "train loss") == 3
        && count(losses, "validation loss") == 3 && count(metric, "validation accuracy") == 3);
    assertThat(series(losses, "train loss (raw)")).as("smoothing draws the raw curve behind").isNotNull();
    assertThat(series(losses, "validation loss").getItemCount()).isEqualTo(3);
    assertThat(series(metric, "validation accuracy").getItemCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(series(losses, "train loss (raw)").getY(i).doubleValue()).isFinite().isPositive();
      assertThat(series(metric, "validation accuracy").getY(i).doubleValue()).isBetween(0.0, 1.0);
    }
    ListView<String> log = robot.lookup("#runLog").queryListView();
    AppTestSupport.await("the log shows the last epoch", 10,
        () -> log.getItems().stream().anyMatch(l -> l.contains("epoch 3/3 validation")));

    Slider smoothing = robot.lookup("#smoothingSlider").queryAs(Slider.class);
    int redraws = losses.redraws();
    int painted = losses.painted();
    robot.interact(() -> smoothing.setValue(0));
    assertThat(series(losses, "train loss (raw)")).as("no smoothing: the raw curve only").isNull();
    assertThat(losses.redraws()).as("one chart update per change").isEqualTo(redraws + 1);
    AppTestSupport.await("the painter brings the new image to the view", () -> losses.painted() > painted);
    assertThat(robot.lookup("#resumeRun").queryButton().isDisabled()).as("a finished run").isTrue();
  }

  /** The table's runs (each row's latest listing), read on the FX thread that updates them. */
  private static List<RunListing> listings(TableView<org.tkdworkbench.ui.runs.RunRow> table) throws Exception {
    return org.testfx.util.WaitForAsyncUtils.asyncFx(
        () -> table.getItems().stream().map(org.tkdworkbench.ui.runs.RunRow::get).toList()).get();
  }
}
