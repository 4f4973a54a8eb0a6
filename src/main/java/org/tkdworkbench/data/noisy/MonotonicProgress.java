package org.tkdworkbench.data.noisy;

import org.tkdworkbench.jobs.JobContext;

/**
 * Forwards progress from several worker threads so the count never goes backwards (two workers
 * finishing at once could otherwise report 41 after 42), and passes the cancel flag through.
 */
final class MonotonicProgress implements JobContext {
  private final JobContext inner;
  private long reported = -1;

  MonotonicProgress(JobContext inner) {
    this.inner = inner;
  }

  @Override
  public synchronized void progress(long done, long total, String message) {
    if (done > reported) {
      reported = done;
      inner.progress(done, total, message);
    }
  }

  @Override
  public boolean isCancelled() {
    return inner.isCancelled();
  }
}
