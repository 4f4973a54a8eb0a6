package org.tkdworkbench.jobs;

/** Runs each job to completion on the caller's thread; deterministic, for tests and the CLI. */
public final class SameThreadJobRunner implements JobRunner {
  @Override
  public <T> JobHandle<T> submit(String title, Job<T> job) {
    JobHandle<T> handle = new JobHandle<>(title);
    handle.execute(job);
    return handle;
  }

  @Override
  public void close() {}
}
