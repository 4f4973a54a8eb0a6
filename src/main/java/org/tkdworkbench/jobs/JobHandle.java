package org.tkdworkbench.jobs;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted job as observers see it: its title, latest progress, state and result.
 *
 * <p>Progress and state are volatile snapshots so a UI timer can poll them at its own pace
 * instead of being called back once per unit of work.
 *
 * @param <T> the job's result
 */
public final class JobHandle<T> implements JobContext {
  /** Where a job is in its life. */
  public enum State {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
      return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
  }

  /** One progress report. */
  public record Progress(long done, long total, String message) {
    /** Fraction done in 0..1, or -1 when the total is unknown. */
    public double fraction() {
      return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
  }

  private final String title;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  // No message until the job reports one: observers show its title (and whether it still waits).
  private volatile Progress progress = new Progress(0, 0, "");
  private volatile State state = State.QUEUED;
  private volatile boolean cancelRequested;

  JobHandle(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public Progress progress() {
    return progress;
  }

  public State state() {
    return state;
  }

  /** Completes with the job's result, exceptionally with its error or a {@link CancelledException}. */
  public CompletableFuture<T> result() {
    return result;
  }

  /**
   * Asks the job to stop at its next boundary. A queued job never starts and is settled as
   * cancelled at once, not when its runner reaches it: behind a long job that could be hours.
   */
  public void cancel() {
    cancelUnstarted();
  }

  @Override
  public void progress(long done, long total, String message) {
    this.progress = new Progress(done, total, message == null ? "" : message);
  }

  @Override
  public boolean isCancelled() {
    return cancelRequested;
  }

  /** Settles a job that will never start as cancelled; once started, only asks it to stop. */
  synchronized void cancelUnstarted() {
    cancelRequested = true;
    if (state == State.QUEUED) {
      state = State.CANCELLED;
      result.completeExceptionally(new CancelledException());
    }
  }

  /** Runs the job on the current thread and settles the handle; used by runners. */
  void execute(Job<T> job) {
    synchronized (this) {
      if (cancelRequested || state != State.QUEUED) {
        cancelUnstarted();
        return;
      }
      state = State.RUNNING;
    }
    try {
      T value = job.run(this);
      state = State.SUCCEEDED;
      result.complete(value);
    } catch (CancelledException e) {
      state = State.CANCELLED;
      result.completeExceptionally(e);
    } catch (Throwable e) {
      state = cancelRequested ? State.CANCELLED : State.FAILED;
      result.completeExceptionally(e);
    }
  }
}
