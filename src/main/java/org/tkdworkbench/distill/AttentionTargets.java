package org.tkdworkbench.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds {@code a_T} for every clip of a run at the student's time length {@code T'}: the
 * teacher's curve interpolated ({@link Rollout#interpolate}), or one of the controls.
 *
 * <ul>
 *   <li>{@link AttentionTarget#TEACHER}: the clip's curve from the knowledge cache.
 *   <li>{@link AttentionTarget#UNIFORM}: {@code 1/T'} everywhere.
 *   <li>{@link AttentionTarget#ENERGY}: the clip's frame energy (sum over mel bands of the mel
 *       power, {@code exp} of the log-mel), smoothed by a centred moving average of {@code
 *       smoothingFrames} frames (zero beyond the clip's ends, like {@code numpy.convolve(...,
 *       mode="same")}), then interpolated and normalised. The same recipe as the README's energy
 *       control, computed from the features rather than the samples.
 *   <li>{@link AttentionTarget#SHUFFLED}: clip {@code i} gets the teacher curve of clip {@code
 *       π(i)}, {@code π} a random derangement (no clip keeps its own) drawn from the seed, so the
 *       same seed pairs the same clips.
 * </ul>
 */
public final class AttentionTargets {
  private AttentionTargets() {}

  /**
   * The targets, one per clip, each of {@code length} points summing to 1.
   *
   * @param target which curve
   * @param teacherCurves per clip, the teacher's curve (any length; may be null for UNIFORM and
   *     ENERGY)
   * @param logMels per clip, {@code [frames][mels]} (used by ENERGY only; may be null otherwise)
   * @param length the student's time length {@code T'}
   * @param smoothingFrames moving-average width for ENERGY (≥ 1)
   * @param seed the derangement of SHUFFLED
   */
  public static List<double[]> build(
      AttentionTarget target,
      List<double[]> teacherCurves,
      List<float[][]> logMels,
      int length,
      int smoothingFrames,
      long seed) {
    int n = teacherCurves != null ? teacherCurves.size() : logMels.size();
    int[] lengths = new int[n];
    java.util.Arrays.fill(lengths, length);
    if (length < 1) {
      throw new IllegalArgumentException("targets: length must be ≥ 1, found " + length);
    }
    return build(target, teacherCurves, logMels, lengths, smoothingFrames, seed);
  }

  /**
   * As above with a length per clip (clips of different durations give students different {@code
   * T'}); a SHUFFLED clip gets its partner's curve at its own length.
   */
  public static List<double[]> build(
      AttentionTarget target,
      List<double[]> teacherCurves,
      List<float[][]> logMels,
      int[] lengths,
      int smoothingFrames,
      long seed) {
    int n = lengths.length;
    for (int i = 0; i < n; i++) {
      if (lengths[i] < 1) {
        throw new IllegalArgumentException("targets: length must be ≥ 1, found " + lengths[i] + " for clip " + i);
      }
    }
    List<double[]> out = new ArrayList<>(n);
    switch (target) {
      case TEACHER -> {
        for (int i = 0; i < n; i++) {
          out.add(Rollout.interpolate(teacherCurves.get(i), lengths[i]));
        }
      }
      case UNIFORM -> {
        for (int i = 0; i < n; i++) {
          double[] u = new double[lengths[i]];
          java.util.Arrays.fill(u, 1.0 / lengths[i]);
          out.add(u);
        }
      }
      case ENERGY -> {
        for (int i = 0; i < n; i++) {
          out.add(Rollout.interpolate(energy(logMels.get(i), smoothingFrames), lengths[i]));
        }
      }
      case SHUFFLED -> {
        int[] p = derangement(n, new Random(seed));
        for (int i = 0; i < n; i++) {
          out.add(Rollout.interpolate(teacherCurves.get(p[i]), lengths[i]));
        }
      }
      default -> throw new IllegalStateException(target.toString());
    }
    return out;
  }

  /** Per frame, the mel power summed over bands, smoothed by a centred moving average of {@code w}. */
  static double[] energy(float[][] logMel, int w) {
    if (w < 1) {
      throw new IllegalArgumentException("energy: smoothing must be ≥ 1 frame, found " + w);
    }
    int f = logMel.length;
    if (f == 0) {
      throw new IllegalArgumentException("energy: the clip has no frames");
    }
    double[] e = new double[f];
    for (int i = 0; i < f; i++) {
      double s = 0;
      for (float v : logMel[i]) {
        s += Math.exp(v);
      }
      e[i] = s;
    }
    // numpy.convolve(e, ones(w)/w, mode="same") is the full convolution from index (w−1)//2 on:
    // output i averages e[i − (w−1−left) … i + left] with left = (w−1)//2, zeros outside the clip.
    double[] out = new double[f];
    int left = (w - 1) / 2; // for odd w: w/2 on each side
    for (int i = 0; i < f; i++) {
      double s = 0;
      for (int k = i - (w - 1 - left); k <= i + left; k++) {
        if (k >= 0 && k < f) {
          s += e[k];
        }
      }
      out[i] = s / w;
    }
    return out;
  }

  /**
   * A uniformly random permutation with no fixed point ({@code n ≥ 2}; for {@code n = 1} the
   * identity, as there is no other clip): shuffles until none is fixed (expected e ≈ 2.7 tries).
   */
  static int[] derangement(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    if (n < 2) {
      return p;
    }
    while (true) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      boolean fixed = false;
      for (int i = 0; i < n && !fixed; i++) {
        fixed = p[i] == i;
      }
      if (!fixed) {
        return p;
      }
    }
  }
}
