package org.tkdworkbench.distill;

/**
 * What the teacher and student trainers say when an epoch's training loss is not finite (seen on
 * PyTorch: NaN from one epoch to the end of the run). Both stop there and keep the best earlier
 * epoch; with none kept, training fails with {@link #nothingKept}.
 */
final class Divergence {
  private Divergence() {}

  /** The summary's {@code stopped} line. */
  static String stopped(int epoch, int bestEpoch) {
    return "training loss not finite at epoch " + epoch + "; the best epoch before it (" + bestEpoch + ") is kept";
  }

  /**
   * The failure when no epoch was kept before the divergence.
   *
   * @param why what else the user should know, or empty
   */
  static IllegalStateException nothingKept(double trainLoss, int epoch, double learningRate, String why) {
    return new IllegalStateException("training diverged: the training loss is " + trainLoss + " at epoch " + epoch
        + " and no earlier epoch was kept" + why + "; try a lower --lr (now " + learningRate + ")");
  }
}
