package org.tkdworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.jobs.Job;
import org.tkdworkbench.jobs.JobHandle;

/**
 * The status bar's job progress and its Cancel button, clicked: the bar shows the training
 * queue's running job (not one queued behind it, not a short app job), Cancel stops that job and
 * is there only for the training queue's jobs.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
  private final JobMonitor training = new JobMonitor(new ExecutorJobRunner(1), true);
  private final JobMonitor app = new JobMonitor(new ExecutorJobRunner(1));
  private ShellView view;

  @Start
  void start(Stage stage) {
    ShellViewModel vm = new ShellViewModel(app, Runnable::run);
    view = new ShellView(vm, List.of(training, app), List.of(new Section("navOne", "One", new StackPane())));
    stage.setScene(new Scene(view.root(), 800, 400));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> view.dispose()).get(5, TimeUnit.SECONDS);
    training.close();
    app.close();
  }

  /** Runs until cancelled (at most 20 s), reporting {@code message}. */
  private static Job<Integer> untilCancelled(String message, CountDownLatch started) {
    return ctx -> {
      started.countDown();
      for (int i = 0; i < 1000; i++) {
        ctx.progress(i, 1000, message);
        ctx.checkCancelled();
        Thread.sleep(20);
      }
      return 1;
    };
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(condition));
  }

  @Test
  void cancelStopsTheRunningTrainingJobNotTheOneQueuedBehindIt(FxRobot robot) throws Exception {
    Button cancel = robot.lookup("#jobCancel").queryAs(Button.class);
    Label status = robot.lookup("#jobStatus").queryAs(Label.class);
    assertThat(onFx(cancel::isVisible)).as("no job, no Cancel").isFalse();

    CountDownLatch started = new CountDownLatch(1);
    JobHandle<Integer> running = training.submit("Training teacher t1", untilCancelled("epoch 1/30", started));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    JobHandle<Integer> queued = training.submit("Run r2", untilCancelled("epoch 1/10", new CountDownLatch(1)));
    waitFor(() -> cancel.isVisible() && !cancel.isDisabled() && "epoch 1/30".equals(status.getText()));
    assertThat(onFx(() -> cancel.getTooltip().getText())).as("the running job, not the newer queued one")
        .isEqualTo("Cancel Training teacher t1");

    robot.clickOn(cancel);
    assertThatThrownBy(() -> running.result().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancelledException.class);
    // The queued run starts next and takes the bar, with Cancel enabled again for it.
    waitFor(() -> "epoch 1/10".equals(status.getText()) && !cancel.isDisabled());
    assertThat(onFx(() -> cancel.getTooltip().getText())).isEqualTo("Cancel Run r2");
    robot.clickOn(cancel);
    assertThatThrownBy(() -> queued.result().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
    waitFor(() -> !cancel.isVisible() && status.getText().isEmpty());
  }

  @Test
  void aQueuedJobCancelledSettlesAtOnceAndAppJobsGetNoCancel(FxRobot robot) throws Exception {
    Button cancel = robot.lookup("#jobCancel").queryAs(Button.class);
    Label status = robot.lookup("#jobStatus").queryAs(Label.class);
    // A job that reports no progress shows its title (it used to read "waiting" while it ran).
    CountDownLatch silentStarted = new CountDownLatch(1);
    JobHandle<Integer> silent = training.submit("Measuring latency of tc-resnet", ctx -> {
      silentStarted.countDown();
      while (true) {
        ctx.checkCancelled();
        Thread.sleep(10);
      }
    });
    assertThat(silentStarted.await(5, TimeUnit.SECONDS)).isTrue();
    waitFor(() -> "Measuring latency of tc-resnet".equals(status.getText()));
    silent.cancel();
    assertThatThrownBy(() -> silent.result().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);

    CountDownLatch started = new CountDownLatch(1);
    JobHandle<Integer> running = training.submit("Training teacher t1", untilCancelled("epoch 2/30", started));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    JobHandle<Integer> queued = training.submit("Measuring latency", ctx -> 1);
    queued.cancel();
    assertThat(queued.state()).as("not left waiting behind the training").isEqualTo(JobHandle.State.CANCELLED);
    running.cancel();
    assertThatThrownBy(() -> running.result().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);

    // A short app job (decoding, spectrograms): shown, but not offered to cancel.
    CountDownLatch appStarted = new CountDownLatch(1);
    JobHandle<Integer> decoding = app.submit("Decoding clip", untilCancelled("decoding a.wav", appStarted));
    assertThat(appStarted.await(5, TimeUnit.SECONDS)).isTrue();
    waitFor(() -> "decoding a.wav".equals(status.getText()));
    assertThat(onFx(cancel::isVisible)).isFalse();
    decoding.cancel();
    assertThatThrownBy(() -> decoding.result().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
  }
}
