package org.tkdworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared parallel loop: early stop on failure and cancel, progress from the caller only. */
class ParallelTest {
  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theFirstFailureStopsEveryWorkerAndIsRethrownAfterTheyStopped() {
    for (int threads : new int[] {1, 2, 4}) {
      AtomicInteger started = new AtomicInteger();
      AtomicInteger running = new AtomicInteger();
      AtomicInteger runningWhenThrown = new AtomicInteger(-1);
      assertThatThrownBy(
              () -> {
                try {
                  Parallel.forEach(
                      200,
                      threads,
                      "t",
                      JobContext.none(),
                      Parallel.Progress.none(),
                      i -> {
                        started.incrementAndGet();
                        running.incrementAndGet();
                        try {
                          if (i == 1) {
                            throw new IOException("item 1 is broken");
                          }
                          sleep(5);
                        } finally {
                          running.decrementAndGet();
                        }
                      });
                } finally {
                  runningWhenThrown.set(running.get());
                }
              })
          .as("%d threads", threads)
          .isInstanceOf(IOException.class)
          .hasMessage("item 1 is broken");
      // Each other worker finishes at most the item it had when item 1 threw.
      assertThat(started.get()).as("%d threads", threads).isLessThanOrEqualTo(2 + threads);
      assertThat(runningWhenThrown.get()).isZero();
    }
  }

  @Test
  void uncheckedFailuresAreRethrownAsTheyAre() {
    assertThatThrownBy(
            () ->
                Parallel.forEach(
                    50,
                    2,
                    "t",
                    JobContext.none(),
                    Parallel.Progress.none(),
                    i -> {
                      if (i == 3) {
                        throw new IllegalStateException("bug");
                      }
                      sleep(2);
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug");
  }

  @Test
  void progressComesFromTheCallingThreadOnlyAndNeverGoesBackwards() {
    Thread caller = Thread.currentThread();
    List<Long> reported = new CopyOnWriteArrayList<>();
    List<Thread> reporters = new CopyOnWriteArrayList<>();
    JobContext ctx =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            reported.add(done);
            reporters.add(Thread.currentThread());
            assertThat(total).isEqualTo(300);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(i);
    }
    boolean[] ran = new boolean[300];
    Parallel.forEach(
        items,
        3,
        ctx,
        "work",
        (i, item) -> {
          ran[i] = true;
          if (item % 7 == 0) {
            sleep(1);
          }
        });
    assertThat(reporters).isNotEmpty().allMatch(t -> t == caller);
    assertThat(reported).isSorted().doesNotHaveDuplicates();
    assertThat(reported.get(reported.size() - 1)).isEqualTo(300);
    for (boolean b : ran) {
      assertThat(b).isTrue();
    }
  }

  @Test
  void cancelIsHonouredBeforeEachItem() {
    for (int threads : new int[] {1, 2}) {
      AtomicBoolean cancelled = new AtomicBoolean();
      AtomicInteger ran = new AtomicInteger();
      JobContext ctx =
          new JobContext() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
              return cancelled.get();
            }
          };
      assertThatThrownBy(
              () ->
                  Parallel.forEach(
                      1000,
                      threads,
                      "t",
                      ctx,
                      Parallel.Progress.none(),
                      i -> {
                        if (ran.incrementAndGet() == 10) {
                          cancelled.set(true);
                        }
                        sleep(1);
                      }))
          .isInstanceOf(CancelledException.class);
      assertThat(ran.get()).as("%d threads", threads).isLessThanOrEqualTo(10 + threads);
    }
  }

  @Test
  void everyItemRunsOnceWithoutFailures() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    Parallel.forEach(1000, 4, "t", JobContext.none(), Parallel.Progress.none(), i -> seen.add(i));
    assertThat(seen).hasSize(1000).doesNotHaveDuplicates();
  }
}
