package org.tkdworkbench.data.noisy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

/**
 * Runs tasks {@code 0..n-1} on a few threads that take the next index from a shared counter, and
 * stops them all at the first failure or cancel. Results must not depend on which thread ran a
 * task: callers write each task's outcome into its own slot.
 */
final class ParallelLoop {
  /** One unit of work. */
  @FunctionalInterface
  interface Task {
    void run(int index) throws IOException;
  }

  private ParallelLoop() {}

  /**
   * Runs every task, or stops early.
   *
   * @throws CancelledException when {@code ctx} was cancelled (or this thread interrupted); tasks
   *     still running were allowed to finish their current item first
   * @throws IOException the first task's I/O failure, after the others stopped
   */
  static void run(int n, int threads, String name, JobContext ctx, Task task) throws IOException {
    if (threads <= 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        ctx.checkCancelled();
        task.run(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger id = new AtomicInteger();
    int workers = Math.min(threads, n);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, name + "-" + id.incrementAndGet());
              t.setDaemon(true); // never keeps the JVM alive
              return t;
            });
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  if (stop.get() || ctx.isCancelled()) {
                    return null;
                  }
                  task.run(i);
                }
                return null;
              }));
    }
    Throwable failure = null;
    boolean interrupted = false;
    try {
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          stop.set(true);
          if (failure == null) {
            failure = e.getCause();
          }
        } catch (InterruptedException e) {
          stop.set(true);
          interrupted = true;
          break;
        }
      }
    } finally {
      pool.shutdown();
      if (interrupted) {
        awaitQuietly(pool);
        Thread.currentThread().interrupt();
      }
    }
    if (interrupted) {
      throw new CancelledException();
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re; // includes CancelledException thrown by a task
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    ctx.checkCancelled();
  }

  /** Waits for workers to finish their current item, so none writes after the caller cleans up. */
  private static void awaitQuietly(ExecutorService pool) {
    boolean again = false;
    while (true) {
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
        break;
      } catch (InterruptedException e) {
        again = true;
      }
    }
    if (again) {
      Thread.currentThread().interrupt();
    }
  }
}
