package org.tkdworkbench.jobs;

/**
 * Runs jobs. The app injects one {@link ExecutorJobRunner}; tests use {@link
 * SameThreadJobRunner}, which finishes the job before {@code submit} returns.
 */
public interface JobRunner extends AutoCloseable {
  <T> JobHandle<T> submit(String title, Job<T> job);

  /** Stops accepting jobs and cancels running ones. */
  @Override
  void close();
}
