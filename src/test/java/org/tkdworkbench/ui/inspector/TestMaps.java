package org.tkdworkbench.ui.inspector;

import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.Rollout;
import org.tkdworkbench.distill.RolloutMethod;

/**
 * The attention math for UI tests: the core's {@link Rollout} once it is implemented; until then a
 * plain reference of DESIGN §1 here, so the inspector's behaviour can be tested before the core
 * lands. Counts the rollouts it runs.
 */
public final class TestMaps implements AttentionMaps {
  public final AtomicInteger curves = new AtomicInteger();
  private final AttentionMaps delegate = coreWorks() ? AttentionMaps.CORE : new Reference();

  static boolean coreWorks() {
    try {
      Rollout.fuseHeads(new float[][][] {{{1}}}, HeadFusion.MEAN);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  @Override
  public double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion) {
    curves.incrementAndGet();
    return delegate.curve(attention, method, fusion);
  }

  @Override
  public double[][] fuseHeads(float[][][] layer, HeadFusion fusion) {
    return delegate.fuseHeads(layer, fusion);
  }

  /** DESIGN §1 written out plainly. */
  static final class Reference implements AttentionMaps {
    @Override
    public double[][] fuseHeads(float[][][] layer, HeadFusion fusion) {
      int n = layer[0].length;
      double[][] f = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double v = fusion == HeadFusion.MAX ? Double.NEGATIVE_INFINITY : 0;
          for (float[][] head : layer) {
            v = fusion == HeadFusion.MAX ? Math.max(v, head[i][j]) : v + head[i][j] / layer.length;
          }
          f[i][j] = v;
        }
        if (fusion == HeadFusion.MAX) {
          normalise(f[i]);
        }
      }
      return f;
    }

    @Override
    public double[] curve(float[][][][] attention, RolloutMethod method, HeadFusion fusion) {
      int n = attention[0][0].length;
      double[][][] mixed = new double[attention.length][][];
      for (int l = 0; l < attention.length; l++) {
        mixed[l] = fuseHeads(attention[l], fusion);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            mixed[l][i][j] = 0.5 * mixed[l][i][j] + (i == j ? 0.5 : 0);
          }
          normalise(mixed[l][i]);
        }
      }
      double[] row = new double[n];
      if (method == RolloutMethod.LAST_LAYER) {
        row = mixed[mixed.length - 1][0].clone();
      } else if (method == RolloutMethod.MEAN_OF_LAYERS) {
        for (double[][] m : mixed) {
          for (int j = 0; j < n; j++) {
            row[j] += m[0][j] / mixed.length;
          }
        }
      } else {
        double[][] r = mixed[0];
        for (int l = 1; l < mixed.length; l++) {
          double[][] next = new double[n][n];
          for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
              for (int j = 0; j < n; j++) {
                next[i][j] += mixed[l][i][k] * r[k][j];
              }
            }
          }
          r = next;
        }
        row = r[0];
      }
      double[] out = java.util.Arrays.copyOfRange(row, 1, n);
      normalise(out);
      return out;
    }

    private static void normalise(double[] v) {
      double s = 0;
      for (double x : v) {
        s += x;
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = s > 0 ? v[i] / s : 1.0 / v.length;
      }
    }
  }
}
