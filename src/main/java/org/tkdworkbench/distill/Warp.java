package org.tkdworkbench.distill;

import java.util.Random;

/**
 * Speaker-like augmentation of one log-mel clip {@code [frames][mels]}: a time stretch (speaking
 * rate) and a warp of the mel axis (vocal tract length, after VTLP: Jaitly and Hinton, 2013), each
 * by a factor uniform in {@code [1 − amount, 1 + amount]}, by linear interpolation. The clip keeps
 * its frame count: a faster clip reads on past its end circularly (as the time shift does), a
 * slower one loses its last {@code 1 − rate} of the window (with the time shift on, that share is
 * at a random place of the recording; {@link org.tkdworkbench.distill.TrainingConfig#MAX_WARP}
 * bounds it); a downward warp drops the top bins, an upward one repeats the highest bin read.
 */
public final class Warp {
  private Warp() {}

  /**
   * A warped copy of {@code clip}; {@code clip} itself is not changed.
   *
   * @param amount the largest relative change of rate and of frequency scale, in [0, 1)
   *     (training configs allow up to {@link TrainingConfig#MAX_WARP})
   */
  public static float[][] warped(float[][] clip, double amount, Random random) {
    double rate = 1 + amount * (2 * random.nextDouble() - 1);
    double scale = 1 + amount * (2 * random.nextDouble() - 1);
    return warped(clip, rate, scale);
  }

  /** {@code clip} read at {@code rate} frames per frame and {@code scale} bins per bin. */
  static float[][] warped(float[][] clip, double rate, double scale) {
    int frames = clip.length;
    float[][] out = new float[frames][];
    if (frames == 0) {
      return out;
    }
    int mels = clip[0].length;
    for (int f = 0; f < frames; f++) {
      double t = f * rate;
      int t0 = (int) Math.floor(t);
      double wt = t - t0;
      float[] a = clip[Math.floorMod(t0, frames)];
      float[] b = clip[Math.floorMod(t0 + 1, frames)];
      float[] row = new float[mels];
      for (int m = 0; m < mels; m++) {
        double x = Math.min(m * scale, mels - 1);
        int m0 = (int) Math.floor(x);
        int m1 = Math.min(m0 + 1, mels - 1);
        double wm = x - m0;
        double va = a[m0] * (1 - wm) + a[m1] * wm;
        double vb = b[m0] * (1 - wm) + b[m1] * wm;
        row[m] = (float) (va * (1 - wt) + vb * wt);
      }
      out[f] = row;
    }
    return out;
  }
}
