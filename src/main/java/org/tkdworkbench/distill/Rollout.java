package org.tkdworkbench.distill;

import java.util.Arrays;

/**
 * Attention rollout to {@code a_T}, exactly as DESIGN §1: per layer fuse the heads, {@code Â = 0.5·A
 * + 0.5·I}, renormalise rows, multiply the layers' matrices in order ({@code R = Â_L ··· Â_1}, i.e.
 * Abnar &amp; Zuidema's {@code R_l = Â_l · R_{l−1}}); the row of {@code c1} (index 0) is a
 * distribution over all tokens; drop the {@code c1} column and renormalise. {@link #interpolate}
 * resamples the curve linearly to a student's length.
 *
 * <p>Pure Java in double precision (no DJL): the inspector calls it on the FX-free worker and tests
 * check it against hand-worked matrices. When the {@code c1} row carries no weight on any input
 * token (e.g. {@code c1} attends only to itself in every layer) the curve is uniform: "no temporal
 * preference" is the honest answer, and a division by zero is not.
 */
public final class Rollout {
  private Rollout() {}

  /**
   * The curve over input tokens (length T) from attention {@code [L][H][T+1][T+1]}; sums to 1.
   *
   * @throws IllegalArgumentException when the shape is ragged or empty or a value is negative or
   *     not finite; the message names the dimension and index
   */
  public static double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion) {
    if (method == null || fusion == null) {
      throw new IllegalArgumentException("rollout: method and fusion are required");
    }
    int n = checkShape(attention);
    double[][] row0;
    switch (method) {
      case ROLLOUT -> {
        // R_1 = Â_1, R_l = Â_l · R_{l−1}; only R's c1 row is needed, but row 0 of Â_L·R needs all of
        // R, so keep the full product (T+1 is small: tokens of one clip).
        double[][] r = mixed(attention[0], fusion);
        for (int l = 1; l < attention.length; l++) {
          r = multiply(mixed(attention[l], fusion), r);
        }
        row0 = r;
      }
      case LAST_LAYER -> row0 = mixed(attention[attention.length - 1], fusion);
      case MEAN_OF_LAYERS -> {
        double[][] sum = new double[n][n];
        for (float[][][] layer : attention) {
          double[][] a = mixed(layer, fusion);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              sum[i][j] += a[i][j] / attention.length;
            }
          }
        }
        row0 = sum;
      }
      default -> throw new IllegalArgumentException("rollout: unknown method " + method);
    }
    return normalised(Arrays.copyOfRange(row0[0], 1, n));
  }

  /**
   * Fused attention of one layer {@code [T+1][T+1]} (heads fused, no identity mix): for the
   * layer × time and head × time heatmaps. MEAN averages the heads; MAX takes the element-wise
   * maximum and renormalises each row to sum 1.
   */
  public static double[][] fuseHeads(float[][][] layer, HeadFusion fusion) {
    if (fusion == null) {
      throw new IllegalArgumentException("rollout: fusion is required");
    }
    checkLayer(layer, "layer", -1);
    int heads = layer.length;
    int n = layer[0].length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = fusion == HeadFusion.MAX ? Double.NEGATIVE_INFINITY : 0;
        for (float[][] head : layer) {
          v = fusion == HeadFusion.MAX ? Math.max(v, head[i][j]) : v + head[i][j];
        }
        out[i][j] = fusion == HeadFusion.MAX ? v : v / heads;
      }
      if (fusion == HeadFusion.MAX) {
        out[i] = normalised(out[i]);
      }
    }
    return out;
  }

  /**
   * Linear interpolation of {@code curve} to {@code length} points (endpoints aligned, as {@code
   * numpy.interp(linspace(0, 1, length), linspace(0, 1, T), curve)}), clipped at 0 and renormalised
   * to sum 1. A curve of one point, or an all-zero result, gives a uniform curve.
   *
   * @throws IllegalArgumentException when the curve is empty or not finite or {@code length < 1}
   */
  public static double[] interpolate(double[] curve, int length) {
    if (curve == null || curve.length == 0) {
      throw new IllegalArgumentException("interpolate: curve is empty (needs at least 1 point)");
    }
    if (length < 1) {
      throw new IllegalArgumentException("interpolate: length must be ≥ 1, found " + length);
    }
    for (int i = 0; i < curve.length; i++) {
      if (!Double.isFinite(curve[i])) {
        throw new IllegalArgumentException("interpolate: curve[" + i + "] is not finite (" + curve[i] + ")");
      }
    }
    int t = curve.length;
    double[] out = new double[length];
    for (int k = 0; k < length; k++) {
      if (t == 1) {
        out[k] = curve[0];
        continue;
      }
      // Position of output point k on the input's index axis: x = k/(length−1) · (T−1).
      double pos = length == 1 ? 0 : (double) k * (t - 1) / (length - 1);
      int lo = (int) Math.floor(pos);
      if (lo >= t - 1) {
        out[k] = curve[t - 1];
      } else {
        double frac = pos - lo;
        out[k] = curve[lo] + frac * (curve[lo + 1] - curve[lo]);
      }
    }
    for (int k = 0; k < length; k++) {
      out[k] = Math.max(0, out[k]);
    }
    return normalised(out);
  }

  /** {@code Â = 0.5·fuse(A) + 0.5·I}, rows renormalised. */
  private static double[][] mixed(float[][][] layer, HeadFusion fusion) {
    double[][] a = fuseHeads(layer, fusion);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        a[i][j] = 0.5 * a[i][j] + (i == j ? 0.5 : 0);
      }
      a[i] = normalised(a[i]);
    }
    return a;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double aik = a[i][k];
        if (aik == 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          c[i][j] += aik * b[k][j];
        }
      }
    }
    return c;
  }

  /** {@code v / sum(v)}, or uniform when the sum is 0. */
  static double[] normalised(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    double[] out = new double[v.length];
    if (sum > 0) {
      for (int i = 0; i < v.length; i++) {
        out[i] = v[i] / sum;
      }
    } else {
      Arrays.fill(out, 1.0 / v.length);
    }
    return out;
  }

  /** Checks {@code [L][H][T+1][T+1]}, T ≥ 1; returns T+1. */
  private static int checkShape(float[][][][] attention) {
    if (attention == null || attention.length == 0) {
      throw new IllegalArgumentException("attention: needs at least 1 layer (L), found 0");
    }
    int n = -1;
    int heads = -1;
    for (int l = 0; l < attention.length; l++) {
      checkLayer(attention[l], "attention[" + l + "]", n);
      if (n < 0) {
        n = attention[l][0].length;
        heads = attention[l].length;
      } else if (attention[l].length != heads) {
        throw new IllegalArgumentException(
            "attention[" + l + "]: expected " + heads + " heads (H, as in layer 0), found " + attention[l].length);
      }
    }
    return n;
  }

  /** Checks one layer {@code [H][T+1][T+1]}; {@code n} the expected T+1 or −1 for any. */
  private static void checkLayer(float[][][] layer, String name, int n) {
    if (layer == null || layer.length == 0) {
      throw new IllegalArgumentException(name + ": needs at least 1 head (H), found 0");
    }
    int expected = n;
    for (int h = 0; h < layer.length; h++) {
      float[][] m = layer[h];
      String hn = name + "[" + h + "]";
      if (m == null || m.length < 2) {
        throw new IllegalArgumentException(
            hn + ": needs at least 2 rows (T+1: c1 and one input token), found " + (m == null ? 0 : m.length));
      }
      if (expected < 0) {
        expected = m.length;
      } else if (m.length != expected) {
        throw new IllegalArgumentException(hn + ": expected " + expected + " rows (T+1), found " + m.length);
      }
      for (int i = 0; i < m.length; i++) {
        if (m[i] == null || m[i].length != expected) {
          throw new IllegalArgumentException(
              hn + "[" + i + "]: expected " + expected + " columns (T+1), found " + (m[i] == null ? 0 : m[i].length));
        }
        for (int j = 0; j < expected; j++) {
          float v = m[i][j];
          if (!(v >= 0) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(
                hn + "[" + i + "][" + j + "]: attention weights must be finite and ≥ 0, found " + v);
          }
        }
      }
    }
  }
}
