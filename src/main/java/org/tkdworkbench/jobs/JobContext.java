package org.tkdworkbench.jobs;

/** What a running {@link Job} sees of its runner: progress reporting and the cancel flag. */
public interface JobContext {
  /** Reports that {@code done} of {@code total} units are finished; cheap, call it freely. */
  void progress(long done, long total, String message);

  /** True once someone asked the job to stop. */
  boolean isCancelled();

  /** Throws {@link CancelledException} when the job was asked to stop. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }

  /** A context that is never cancelled and ignores progress: for direct calls and tests. */
  static JobContext none() {
    return new JobContext() {
      @Override
      public void progress(long done, long total, String message) {}

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }
}
