package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.jobs.JobContext;

/**
 * Splits one job's progress bar between consecutive stages (index, build, report): stage {@code i}
 * fills its share of the bar, and its messages are prefixed with the stage's name.
 */
final class Stages {
  private static final long SCALE = 1_000_000;
  private final JobContext ctx;
  private final double[] starts;
  private final double[] weights;

  /** @param weights each stage's share; normalised to sum to 1 */
  Stages(JobContext ctx, double... weights) {
    this.ctx = ctx;
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    this.weights = new double[weights.length];
    this.starts = new double[weights.length];
    double at = 0;
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = weights[i] / sum;
      this.starts[i] = at;
      at += this.weights[i];
    }
  }

  /** The context stage {@code i} reports to. */
  JobContext stage(int i, String name) {
    ctx.progress(Math.round(starts[i] * SCALE), SCALE, name + "…");
    return new JobContext() {
      @Override
      public void progress(long done, long total, String message) {
        double f = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        String text = message == null || message.isBlank() ? name + "…" : name + ": " + message;
        ctx.progress(Math.round((starts[i] + f * weights[i]) * SCALE), SCALE, text);
      }

      @Override
      public boolean isCancelled() {
        return ctx.isCancelled();
      }
    };
  }
}
