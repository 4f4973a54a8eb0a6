package org.tkdworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.jobs.JobHandle;

/**
 * The status bar's job progress and its Cancel button, clicked: the job the bar shows is
 * cancelled, and the button is there only while a job runs.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
  private final JobMonitor queue = new JobMonitor(new ExecutorJobRunner(1));

  @Start
  void start(Stage stage) {
    ShellViewModel vm = new ShellViewModel(queue, Runnable::run);
    ShellView view = new ShellView(vm, List.of(queue), List.of(new Section("navOne", "One", new StackPane())));
    stage.setScene(new Scene(view.root(), 800, 400));
    stage.show();
  }

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void cancelStopsTheJobTheBarShows(FxRobot robot) throws Exception {
    Button cancel = robot.lookup("#jobCancel").queryAs(Button.class);
    assertThat(cancel.isVisible()).as("no job, no Cancel").isFalse();

    CountDownLatch started = new CountDownLatch(1);
    JobHandle<Integer> job = queue.submit("Training teacher t1", ctx -> {
      started.countDown();
      for (int i = 0; i < 1000; i++) {
        ctx.progress(i, 1000, "epoch 1/30");
        ctx.checkCancelled();
        Thread.sleep(20);
      }
      return 1;
    });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cancel.isVisible()
        && "epoch 1/30".equals(robot.lookup("#jobStatus").queryAs(Label.class).getText()));
    assertThat(cancel.getTooltip().getText()).isEqualTo("Cancel Training teacher t1");

    robot.clickOn(cancel);
    Assertions.assertThatThrownBy(() -> job.result().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancelledException.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !cancel.isVisible());
    assertThat(robot.lookup("#jobStatus").queryAs(Label.class).getText()).isEmpty();
  }
}
