package org.tkdworkbench.ui.shell;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.tkdworkbench.jobs.Job;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;

/**
 * A job runner that remembers what it started, so the status bar can poll its current job on a
 * timer instead of every job calling back into the UI.
 */
public final class JobMonitor implements JobRunner {
  private final JobRunner delegate;
  private final boolean cancellable;
  private final ConcurrentLinkedDeque<JobHandle<?>> handles = new ConcurrentLinkedDeque<>();

  /** A monitor whose jobs the status bar shows but does not offer to cancel. */
  public JobMonitor(JobRunner delegate) {
    this(delegate, false);
  }

  /**
   * @param cancellable whether the status bar offers Cancel for these jobs: true for long work whose
   *     owner treats a cancel as the user's (the training queue), false for short "latest request
   *     wins" jobs whose owners read a cancel as "superseded" and would wait for a result forever
   */
  public JobMonitor(JobRunner delegate, boolean cancellable) {
    this.delegate = delegate;
    this.cancellable = cancellable;
  }

  /** Whether the status bar may cancel these jobs. */
  public boolean cancellable() {
    return cancellable;
  }

  @Override
  public <T> JobHandle<T> submit(String title, Job<T> job) {
    JobHandle<T> handle = delegate.submit(title, job);
    if (!handle.state().isFinished()) {
      handles.addFirst(handle);
    }
    return handle;
  }

  /**
   * The job to show: the newest running one, else the newest queued one; finished ones are
   * forgotten on the way. (A queue of one thread runs one job while newer ones wait: the one
   * running is the one to show and cancel.)
   */
  public Optional<JobHandle<?>> current() {
    JobHandle<?> running = null;
    JobHandle<?> queued = null;
    for (Iterator<JobHandle<?>> it = handles.iterator(); it.hasNext(); ) {
      JobHandle<?> h = it.next();
      JobHandle.State state = h.state();
      if (state.isFinished()) {
        it.remove();
      } else if (state == JobHandle.State.RUNNING && running == null) {
        running = h;
      } else if (state == JobHandle.State.QUEUED && queued == null) {
        queued = h;
      }
    }
    return Optional.ofNullable(running != null ? running : queued);
  }

  /** Cancels every job and closes the underlying runner. */
  @Override
  public void close() {
    handles.forEach(JobHandle::cancel);
    handles.clear();
    delegate.close();
  }
}
