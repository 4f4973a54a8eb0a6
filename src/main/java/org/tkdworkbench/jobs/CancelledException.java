package org.tkdworkbench.jobs;

/** Thrown inside a job when it notices it was cancelled; runners treat it as a clean stop. */
public final class CancelledException extends RuntimeException {
  public CancelledException() {
    super("cancelled", null, false, false);
  }
}
