package org.tkdworkbench.data;

import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.jobs.JobContext;

/**
 * Turns an index into an {@link ImportReport}: probes every clip's header in parallel (with
 * progress and cancel), refusing unreadable, empty, unsupported or truncated files with their
 * reason, and totals classes, splits, durations and sample rates.
 *
 * <p>CONTRACT PLACEHOLDER for the datasets issue.
 */
public final class DatasetImporter {
  private final AudioDecoder decoder;
  private final int threads;

  public DatasetImporter(AudioDecoder decoder, int threads) {
    this.decoder = decoder;
    this.threads = threads;
  }

  /** Probes every clip of {@code index}; never throws for a bad file. */
  public ImportReport report(DatasetIndex index, JobContext ctx) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
