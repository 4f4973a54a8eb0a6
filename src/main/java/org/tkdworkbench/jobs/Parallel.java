package org.tkdworkbench.jobs;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one parallel loop of the core: items {@code 0..n-1} on a few daemon threads that take the
 * next index from a shared counter. Results must not depend on which thread ran an item: callers
 * write each item's outcome into its own slot.
 *
 * <p>The rules every caller relies on:
 *
 * <ul>
 *   <li>progress is reported only from the calling thread, and never goes backwards (the count of
 *       finished items, passed to a {@link Progress} the caller maps onto its own job's units);
 *   <li>the cancel flag is checked before every item, and a cancelled loop throws {@link
 *       CancelledException};
 *   <li>the first failure of any item stops every worker before its next item, and is rethrown on
 *       the calling thread only once all workers have stopped (so nothing is still writing when the
 *       caller cleans up);
 *   <li>an interrupt of the calling thread counts as a cancel; workers finish their current item.
 * </ul>
 */
public final class Parallel {
  /** How long the calling thread waits for news before checking the cancel flag again. */
  private static final long POLL_MILLIS = 50;

  private Parallel() {}

  /** One item of work; may throw the caller's checked exception. */
  @FunctionalInterface
  public interface Task<E extends Exception> {
    void run(int index) throws E;
  }

  /** One item of a list; may throw the caller's checked exception. */
  @FunctionalInterface
  public interface ItemTask<T, E extends Exception> {
    void run(int index, T item) throws E;
  }

  /** Receives the number of finished items, on the calling thread, never decreasing. */
  @FunctionalInterface
  public interface Progress {
    void done(long finished);

    /** Ignores progress. */
    static Progress none() {
      return d -> {};
    }
  }

  /**
   * {@code task} for every item of {@code items}, reporting {@code progress(done, items.size(),
   * message)} to {@code ctx}.
   */
  public static <T, E extends Exception> void forEach(
      List<T> items, int threads, JobContext ctx, String message, ItemTask<T, E> task) throws E {
    int n = items.size();
    forEach(
        n,
        threads,
        "tkd-parallel",
        ctx,
        d -> ctx.progress(d, n, message),
        i -> task.run(i, items.get(i)));
  }

  /**
   * Runs {@code task} for {@code 0..n-1} on up to {@code threads} threads named {@code name-k} (on
   * the calling thread when one is enough), or stops early: see the class comment.
   *
   * @throws CancelledException when {@code ctx} was cancelled or the calling thread interrupted
   * @throws E the first failure of an item (also unchecked exceptions and errors), after every
   *     worker stopped
   */
  public static <E extends Exception> void forEach(
      int n, int threads, String name, JobContext ctx, Progress progress, Task<E> task) throws E {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, found " + threads);
    }
    if (threads == 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        ctx.checkCancelled();
        if (Thread.currentThread().isInterrupted()) {
          throw new CancelledException();
        }
        task.run(i);
        progress.done(i + 1);
      }
      return;
    }
    int workers = Math.min(threads, n);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(workers);
    Object news = new Object();
    AtomicInteger id = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, name + "-" + id.incrementAndGet());
              t.setDaemon(true); // never keeps the JVM alive
              return t;
            });
    try {
      for (int w = 0; w < workers; w++) {
        pool.execute(
            () -> {
              try {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  if (stop.get() || ctx.isCancelled()) {
                    break;
                  }
                  task.run(i);
                  done.incrementAndGet();
                  synchronized (news) {
                    news.notifyAll();
                  }
                }
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
                stop.set(true);
              } finally {
                finished.countDown();
                synchronized (news) {
                  news.notifyAll();
                }
              }
            });
      }
      long reported = 0;
      boolean interrupted = false;
      while (finished.getCount() > 0) {
        synchronized (news) {
          if (finished.getCount() > 0 && done.get() == reported) {
            try {
              news.wait(POLL_MILLIS);
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
        }
        if (interrupted || ctx.isCancelled()) {
          stop.set(true);
          break;
        }
        long d = done.get();
        if (d > reported && failure.get() == null) {
          reported = d;
          progress.done(d);
        }
      }
      if (stop.get()) {
        awaitUninterruptibly(finished);
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      }
      rethrow(failure.get());
      long d = done.get();
      if (d > reported) {
        progress.done(d);
      }
      ctx.checkCancelled();
    } finally {
      pool.shutdown();
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> void rethrow(Throwable t) throws E {
    if (t == null) {
      return;
    }
    if (t instanceof RuntimeException re) {
      throw re; // includes CancelledException thrown by an item
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw (E) t; // Task<E> can only throw E among checked exceptions
  }

  /** Waits until every worker left its loop, so none writes after the caller cleans up. */
  private static void awaitUninterruptibly(CountDownLatch finished) {
    boolean again = false;
    while (true) {
      try {
        finished.await(1, TimeUnit.DAYS);
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
