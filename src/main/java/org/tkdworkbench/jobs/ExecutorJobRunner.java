package org.tkdworkbench.jobs;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/** Runs jobs on a fixed pool of daemon threads, so an open job never keeps the JVM alive. */
public final class ExecutorJobRunner implements JobRunner {
  private final ExecutorService executor;
  private final Set<JobHandle<?>> active = Collections.newSetFromMap(new ConcurrentHashMap<>());

  public ExecutorJobRunner(int threads) {
    this(threads, "tkd-job", 0);
  }

  /**
   * @param threads pool size
   * @param name thread name prefix (the native engine's worker threads inherit it: {@code top -H})
   * @param nice the OS priority the threads lower themselves to before their first job (0 = as is;
   *     see {@link ThreadPriority}): training runs below the UI so the UI never waits for a core
   */
  public ExecutorJobRunner(int threads, String name, int nice) {
    this.executor = Executors.newFixedThreadPool(threads, ThreadPriority.daemons(name, nice));
  }

  @Override
  public <T> JobHandle<T> submit(String title, Job<T> job) {
    JobHandle<T> handle = new JobHandle<>(title);
    active.add(handle);
    try {
      executor.execute(
          () -> {
            try {
              handle.execute(job);
            } finally {
              active.remove(handle);
            }
          });
    } catch (RejectedExecutionException e) { // closed: the job never runs, and says so
      active.remove(handle);
      handle.cancelUnstarted();
    }
    return handle;
  }

  /** Cancels running jobs and settles queued ones as cancelled, so no observer waits forever. */
  @Override
  public void close() {
    active.forEach(JobHandle::cancel);
    executor.shutdownNow();
    for (JobHandle<?> h : active) {
      h.cancelUnstarted();
    }
  }
}
