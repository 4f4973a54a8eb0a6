package org.tkdworkbench.jobs;

/**
 * A unit of long work: decoding a dataset, extracting features, training.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface Job<T> {
  /**
   * Does the work, reporting progress to {@code ctx} and calling {@link JobContext#checkCancelled()}
   * at every natural boundary (file, batch, epoch).
   */
  T run(JobContext ctx) throws Exception;
}
