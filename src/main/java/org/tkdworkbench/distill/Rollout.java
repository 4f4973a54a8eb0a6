package org.tkdworkbench.distill;

/**
 * Attention rollout to {@code a_T}, exactly as DESIGN §1: per layer fuse the heads, {@code Â = 0.5·A
 * + 0.5·I}, renormalise rows, multiply the layers' matrices in order ({@code R = Â_L ··· Â_1}); the
 * row of {@code c1} (index 0) is a distribution over all tokens; drop the {@code c1} column and
 * renormalise. {@link #interpolate} resamples the curve linearly to a student's length.
 *
 * <p>CONTRACT PLACEHOLDER: the teacher work fills it in (pure Java, no DJL).
 */
public final class Rollout {
  private Rollout() {}

  /**
   * The curve over input tokens (length T) from attention {@code [L][H][T+1][T+1]}; sums to 1.
   */
  public static double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Fused attention of one layer {@code [T+1][T+1]} (heads fused, no identity mix): for the
   * layer × time and head × time heatmaps.
   */
  public static double[][] fuseHeads(float[][][] layer, HeadFusion fusion) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Linear interpolation of {@code curve} to {@code length} points (endpoints aligned, as
   * {@code numpy.interp} over {@code linspace(0, 1, n)}), clipped at 0 and renormalised to sum 1.
   */
  public static double[] interpolate(double[] curve, int length) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
