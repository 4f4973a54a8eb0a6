package org.tkdworkbench.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RolloutTest {
  private static final double EPS = 1e-12;

  // Two layers over c1 + 2 tokens (3×3), one head each.
  //   A1 = [[.2 .6 .2] [0 1 0] [.5 0 .5]]   Â1 = .5·A1 + .5·I = [[.6 .3 .1] [0 1 0] [.25 0 .75]]
  //   A2 = [[0 .2 .8] [.5 .5 0] [0 0 1]]    Â2 = [[.5 .1 .4] [.25 .75 0] [0 0 1]]
  private static final float[][] A1 = {{0.2f, 0.6f, 0.2f}, {0f, 1f, 0f}, {0.5f, 0f, 0.5f}};
  private static final float[][] A2 = {{0f, 0.2f, 0.8f}, {0.5f, 0.5f, 0f}, {0f, 0f, 1f}};

  private static float[][][][] twoLayers() {
    return new float[][][][] {{A1}, {A2}};
  }

  @Test
  void rolloutMultipliesLaterLayersOnTheLeft() {
    // R = Â2·Â1; row 0 = .5·Â1[0] + .1·Â1[1] + .4·Â1[2]
    //   = [.3 .15 .05] + [0 .1 0] + [.1 0 .3] = [.4 .25 .35]; drop c1 → [.25 .35]/.6 = [5/12, 7/12].
    // (The other order, Â1·Â2, would give [.285 .34]/.625 = [.456 .544].)
    double[] c = Rollout.curve(twoLayers(), RolloutMethod.ROLLOUT, HeadFusion.MEAN);
    assertArrayEquals(new double[] {5.0 / 12, 7.0 / 12}, c, 1e-7);
  }

  @Test
  void lastLayerUsesOnlyTheLastMixedMatrix() {
    // Â2[0] = [.5 .1 .4] → [.1 .4]/.5 = [.2 .8]
    double[] c = Rollout.curve(twoLayers(), RolloutMethod.LAST_LAYER, HeadFusion.MEAN);
    assertArrayEquals(new double[] {0.2, 0.8}, c, 1e-7);
  }

  @Test
  void meanOfLayersAveragesTheMixedMatrices() {
    // (Â1[0] + Â2[0]) / 2 = [.55 .2 .25] → [.2 .25]/.45 = [4/9, 5/9]
    double[] c = Rollout.curve(twoLayers(), RolloutMethod.MEAN_OF_LAYERS, HeadFusion.MEAN);
    assertArrayEquals(new double[] {4.0 / 9, 5.0 / 9}, c, 1e-7);
  }

  // Two heads whose mean is A1: a = [[.4 .6 0] [0 1 0] [1 0 0]], b = [[0 .6 .4] [0 1 0] [0 0 1]].
  private static final float[][] HA = {{0.4f, 0.6f, 0f}, {0f, 1f, 0f}, {1f, 0f, 0f}};
  private static final float[][] HB = {{0f, 0.6f, 0.4f}, {0f, 1f, 0f}, {0f, 0f, 1f}};

  @Test
  void meanFusionAveragesHeads() {
    double[][] f = Rollout.fuseHeads(new float[][][] {HA, HB}, HeadFusion.MEAN);
    double[][] expected = {{0.2, 0.6, 0.2}, {0, 1, 0}, {0.5, 0, 0.5}};
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(expected[i], f[i], 1e-7);
    }
    // and rollout of a two-head layer 1 + layer 2 equals the one-head case above
    double[] c = Rollout.curve(new float[][][][] {{HA, HB}, {A2, A2}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN);
    assertArrayEquals(new double[] {5.0 / 12, 7.0 / 12}, c, 1e-7);
  }

  @Test
  void maxFusionTakesTheMaximumAndRenormalisesRows() {
    // max = [[.4 .6 .4] [0 1 0] [1 0 1]] → rows / sum: [[2/7 3/7 2/7] [0 1 0] [.5 0 .5]]
    double[][] f = Rollout.fuseHeads(new float[][][] {HA, HB}, HeadFusion.MAX);
    assertArrayEquals(new double[] {2.0 / 7, 3.0 / 7, 2.0 / 7}, f[0], 1e-7);
    assertArrayEquals(new double[] {0, 1, 0}, f[1], 1e-7);
    assertArrayEquals(new double[] {0.5, 0, 0.5}, f[2], 1e-7);
    // one layer: Â[0] = .5·[2/7 3/7 2/7] + [.5 0 0] = [9/14 3/14 2/14] → [3 2]/5
    double[] c = Rollout.curve(new float[][][][] {{HA, HB}}, RolloutMethod.ROLLOUT, HeadFusion.MAX);
    assertArrayEquals(new double[] {0.6, 0.4}, c, 1e-7);
  }

  @Test
  void oneHotChainIsFollowedThroughTheLayers() {
    // c1, t1, t2, t3. Layer 1: t1 looks only at t3 (others at themselves). Layer 2: c1 looks only
    // at t1. Â2[0] = .5·e0 + .5·e1; Â1[1] = .5·e1 + .5·e3; Â1[0] = e0.
    // R[0] = .5·e0 + .5·(.5·e1 + .5·e3) → drop c1 → [.25 0 .25]/.5 = [.5 0 .5].
    float[][] l1 = identity(4);
    l1[1] = new float[] {0, 0, 0, 1};
    float[][] l2 = identity(4);
    l2[0] = new float[] {0, 1, 0, 0};
    float[][][][] att = {{l1}, {l2}};
    assertArrayEquals(new double[] {0.5, 0, 0.5}, Rollout.curve(att, RolloutMethod.ROLLOUT, HeadFusion.MEAN), EPS);
    // The last layer alone sees only t1.
    assertArrayEquals(new double[] {1, 0, 0}, Rollout.curve(att, RolloutMethod.LAST_LAYER, HeadFusion.MEAN), EPS);
  }

  @Test
  void c1AttendingOneTokenInEveryLayerPutsAllWeightThere() {
    // Â[0] = .5·e0 + .5·e2 and token rows identity: R[0] = .5^L·e0 + (1 − .5^L)·e2 → [0 1 0].
    float[][] l = identity(4);
    l[0] = new float[] {0, 0, 1, 0};
    float[][][][] att = {{l, l}, {l, l}, {l, l}};
    assertArrayEquals(new double[] {0, 1, 0}, Rollout.curve(att, RolloutMethod.ROLLOUT, HeadFusion.MEAN), EPS);
  }

  @Test
  void uniformOrIdentityAttentionGivesAUniformCurve() {
    int n = 6;
    float[][] u = new float[n][n];
    for (float[] row : u) {
      java.util.Arrays.fill(row, 1f / n);
    }
    double[] flat = {0.2, 0.2, 0.2, 0.2, 0.2};
    for (RolloutMethod m : RolloutMethod.values()) {
      for (HeadFusion f : HeadFusion.values()) {
        assertArrayEquals(flat, Rollout.curve(new float[][][][] {{u, u}, {u, u}, {u, u}}, m, f), 1e-6, m + "/" + f);
        // identity: c1 only looks at itself, no input token is preferred → uniform
        assertArrayEquals(flat, Rollout.curve(new float[][][][] {{identity(n)}, {identity(n)}}, m, f), EPS, m + "/" + f);
      }
    }
  }

  @Test
  void curvesOfRandomAttentionSumToOneAndAreNonNegative() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int layers = 1 + rnd.nextInt(4);
      int heads = 1 + rnd.nextInt(4);
      int n = 2 + rnd.nextInt(30);
      float[][][][] att = new float[layers][heads][n][n];
      for (float[][][] layer : att) {
        for (float[][] head : layer) {
          for (float[] row : head) {
            double s = 0;
            for (int j = 0; j < n; j++) {
              row[j] = (float) Math.exp(3 * rnd.nextGaussian());
              s += row[j];
            }
            for (int j = 0; j < n; j++) {
              row[j] /= (float) s;
            }
          }
        }
      }
      for (RolloutMethod m : RolloutMethod.values()) {
        for (HeadFusion f : HeadFusion.values()) {
          double[] c = Rollout.curve(att, m, f);
          assertEquals(n - 1, c.length);
          assertEquals(1.0, sum(c), 1e-9);
          for (double v : c) {
            assertTrue(v >= 0);
          }
        }
        double[][] fused = Rollout.fuseHeads(att[0], HeadFusion.MAX);
        for (double[] row : fused) {
          assertEquals(1.0, sum(row), 1e-9);
        }
      }
    }
  }

  @Test
  void singleInputTokenGivesOne() {
    float[][] a = {{0.2f, 0.8f}, {0.6f, 0.4f}};
    assertArrayEquals(new double[] {1}, Rollout.curve(new float[][][][] {{a}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN), EPS);
  }

  @Test
  void badShapesAreNamed() {
    float[][] ok = identity(3);
    IllegalArgumentException e;
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[0][][][], RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("layer (L)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[][][][] {{ok}, {}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("attention[1]") && e.getMessage().contains("head (H)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[][][][] {{ok}, {ok, ok}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("expected 1 heads"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[][][][] {{ok}, {identity(4)}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("attention[1][0]") && e.getMessage().contains("expected 3 rows (T+1), found 4"), e.getMessage());
    float[][] ragged = {{1, 0, 0}, {0, 1}, {0, 0, 1}};
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[][][][] {{ragged}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("attention[0][0][1]") && e.getMessage().contains("columns"), e.getMessage());
    float[][] nan = identity(3);
    nan[2][1] = Float.NaN;
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[][][][] {{nan}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("attention[0][0][2][1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.curve(new float[][][][] {{{{1f}}}}, RolloutMethod.ROLLOUT, HeadFusion.MEAN));
    assertTrue(e.getMessage().contains("at least 2 rows"), e.getMessage());
  }

  // numpy: y = np.clip(np.interp(np.linspace(0,1,n), np.linspace(0,1,len(c)), c), 0, None); y/y.sum()
  @Test
  void interpolationMatchesNumpy() {
    assertArrayEquals(
        new double[] {0.06250000000000001, 0.09375000000000003, 0.12500000000000003, 0.28125, 0.4375},
        Rollout.interpolate(new double[] {0.1, 0.2, 0.7}, 5), EPS);
    assertArrayEquals(
        new double[] {0.2857142857142857, 0.2285714285714286, 0.17142857142857143, 0.14285714285714285,
          0.1142857142857143, 0.05714285714285716, 0.0},
        Rollout.interpolate(new double[] {0.5, 0.3, 0.2, 0.0}, 7), EPS);
    assertArrayEquals(
        new double[] {0.125, 0.20833333333333331, 0.29166666666666663, 0.375},
        Rollout.interpolate(new double[] {0.25, 0.75}, 4), EPS);
    assertArrayEquals(new double[] {0.2, 0.8}, Rollout.interpolate(new double[] {0.1, 0.2, 0.3, 0.4}, 2), EPS);
    assertArrayEquals(
        new double[] {0.14285714285714288, 0.5714285714285715, 0.28571428571428575},
        Rollout.interpolate(new double[] {0.05, 0.1, 0.3, 0.2, 0.15, 0.1, 0.1}, 3), EPS);
    assertArrayEquals(new double[] {1.0}, Rollout.interpolate(new double[] {0.2, 0.3, 0.5}, 1), EPS);
  }

  @Test
  void interpolationEdgeCases() {
    // one point → flat; the same length → the curve renormalised; negatives clipped
    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Rollout.interpolate(new double[] {1}, 4), EPS);
    assertArrayEquals(new double[] {0.2, 0.3, 0.5}, Rollout.interpolate(new double[] {0.2, 0.3, 0.5}, 3), EPS);
    assertArrayEquals(new double[] {0, 0, 1}, Rollout.interpolate(new double[] {-1, 0, 1}, 3), EPS);
    assertArrayEquals(new double[] {0.5, 0.5}, Rollout.interpolate(new double[] {0, 0, 0}, 2), EPS);
    assertThrows(IllegalArgumentException.class, () -> Rollout.interpolate(new double[0], 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rollout.interpolate(new double[] {1}, 0));
    assertTrue(e.getMessage().contains("length"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Rollout.interpolate(new double[] {1, Double.NaN}, 3));
    assertTrue(e.getMessage().contains("curve[1]"), e.getMessage());
  }

  private static float[][] identity(int n) {
    float[][] m = new float[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
