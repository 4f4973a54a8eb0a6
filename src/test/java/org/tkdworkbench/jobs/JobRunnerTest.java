package org.tkdworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
  @Test
  void sameThreadRunnerFinishesBeforeReturningAndKeepsLastProgress() throws Exception {
    JobHandle<Integer> h =
        new SameThreadJobRunner()
            .submit(
                "sum",
                ctx -> {
                  int s = 0;
                  for (int i = 1; i <= 10; i++) {
                    ctx.checkCancelled();
                    s += i;
                    ctx.progress(i, 10, "item " + i);
                  }
                  return s;
                });
    assertThat(h.state()).isEqualTo(JobHandle.State.SUCCEEDED);
    assertThat(h.result().get()).isEqualTo(55);
    assertThat(h.progress().fraction()).isEqualTo(1.0);
    assertThat(h.progress().message()).isEqualTo("item 10");
  }

  @Test
  void cancelStopsARunningJobAtItsNextBoundary() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    try (ExecutorJobRunner runner = new ExecutorJobRunner(1)) {
      JobHandle<Integer> h =
          runner.submit(
              "forever",
              ctx -> {
                started.countDown();
                int i = 0;
                while (true) {
                  ctx.checkCancelled();
                  ctx.progress(++i, 0, null);
                  Thread.sleep(1);
                }
              });
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      h.cancel();
      try {
        h.result().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(CancelledException.class);
      }
      assertThat(h.state()).isEqualTo(JobHandle.State.CANCELLED);
    }
  }

  @Test
  void failureIsReportedNotThrown() {
    JobHandle<Object> h =
        new SameThreadJobRunner()
            .submit(
                "bad",
                ctx -> {
                  throw new IllegalStateException("boom");
                });
    assertThat(h.state()).isEqualTo(JobHandle.State.FAILED);
    assertThat(h.result()).isCompletedExceptionally();
  }

  @Test
  void closingTheRunnerSettlesQueuedJobsAsCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorJobRunner runner = new ExecutorJobRunner(1);
    JobHandle<String> running =
        runner.submit(
            "busy",
            ctx -> {
              started.countDown();
              release.await();
              return "done";
            });
    JobHandle<String> queued = runner.submit("waiting", ctx -> "never");
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    runner.close();
    assertThat(queued.state()).isEqualTo(JobHandle.State.CANCELLED);
    assertThat(queued.result()).isCompletedExceptionally();
    try {
      running.result().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOfAny(CancelledException.class, InterruptedException.class);
    }
    assertThat(running.state()).isEqualTo(JobHandle.State.CANCELLED);

    JobHandle<String> late = runner.submit("late", ctx -> "never");
    assertThat(late.state()).isEqualTo(JobHandle.State.CANCELLED);
    assertThat(late.result()).isCompletedExceptionally();
  }

  @Test
  void aJobCancelledBeforeItStartsNeverRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorJobRunner runner = new ExecutorJobRunner(1)) {
      runner.submit("blocker", ctx -> { release.await(); return 0; });
      boolean[] ran = {false};
      JobHandle<Integer> h = runner.submit("victim", ctx -> { ran[0] = true; return 1; });
      h.cancel();
      // Settled at once, while the job ahead of it still runs: a queue behind a long training
      // must not show a cancelled job as waiting until the training ends.
      assertThat(h.state()).isEqualTo(JobHandle.State.CANCELLED);
      assertThat(h.result()).isCompletedExceptionally();
      release.countDown();
      try {
        h.result().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(CancelledException.class);
      }
      assertThat(ran[0]).isFalse();
      assertThat(h.state()).isEqualTo(JobHandle.State.CANCELLED);
    }
  }
}
