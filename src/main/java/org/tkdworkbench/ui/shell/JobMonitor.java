package org.tkdworkbench.ui.shell;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.tkdworkbench.jobs.Job;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;

/**
 * A job runner that remembers what it started, so the status bar can poll the newest running job
 * on a timer instead of every job calling back into the UI.
 */
public final class JobMonitor implements JobRunner {
  private final JobRunner delegate;
  private final ConcurrentLinkedDeque<JobHandle<?>> handles = new ConcurrentLinkedDeque<>();

  public JobMonitor(JobRunner delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> JobHandle<T> submit(String title, Job<T> job) {
    JobHandle<T> handle = delegate.submit(title, job);
    if (!handle.state().isFinished()) {
      handles.addFirst(handle);
    }
    return handle;
  }

  /** The newest job that has not finished; finished ones are forgotten on the way. */
  public Optional<JobHandle<?>> current() {
    JobHandle<?> found = null;
    for (Iterator<JobHandle<?>> it = handles.iterator(); it.hasNext(); ) {
      JobHandle<?> h = it.next();
      if (h.state().isFinished()) {
        it.remove();
      } else if (found == null) {
        found = h;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Cancels every job and closes the underlying runner. */
  @Override
  public void close() {
    handles.forEach(JobHandle::cancel);
    handles.clear();
    delegate.close();
  }
}
