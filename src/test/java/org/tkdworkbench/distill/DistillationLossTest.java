package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.RuntimeSetup;

/**
 * The distillation loss and the temporal probe against values and gradients worked out
 * independently in plain Java doubles (softmax, KL), and against finite differences where the
 * closed form is long (the multi-label terms).
 */
@Tag("engine")
class DistillationLossTest {
  static {
    RuntimeSetup.apply();
  }

  private static final int B = 3;
  private static final int C = 4;
  private static final int T = 5;

  private static double[][] gaussian(Random r, int rows, int cols, double scale) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = scale * r.nextGaussian();
      }
    }
    return x;
  }

  private static double[] softmax(double[] z, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v / t);
    }
    double[] p = new double[z.length];
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] / t - max);
      s += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= s;
    }
    return p;
  }

  private static double kl(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        s += p[i] * Math.log(p[i] / q[i]);
      }
    }
    return s;
  }

  private static NDArray f32(NDManager m, double[][] x) {
    return m.create(x).toType(DataType.FLOAT32, false);
  }

  /** A target distribution per clip, with one exact zero to exercise 0·ln 0. */
  private static double[][] targets(Random r) {
    double[][] a = new double[B][T];
    for (double[] row : a) {
      double s = 0;
      for (int t = 0; t < T; t++) {
        row[t] = t == 1 ? 0 : r.nextDouble();
        s += row[t];
      }
      for (int t = 0; t < T; t++) {
        row[t] /= s;
      }
    }
    return a;
  }

  @Test
  void termsAreTheKlDivergencesAndGradientsAreTheClosedForms() {
    Random r = new Random(7);
    double[][] z = gaussian(r, B, C, 1.5);
    double[][] zt = gaussian(r, B, C, 2.0);
    double[][] s = gaussian(r, B, T, 1.0);
    double[][] aT = targets(r);
    int[] y = {2, 0, 3};
    double lambda = 0.25;
    double alpha = 0.5;
    double temp = 2.0;
    DistillationLoss loss = new DistillationLoss(false, new DistillationLoss.Weights(lambda, alpha, temp));

    // Java truth
    double ce = 0;
    double att = 0;
    double logit = 0;
    double[][] gradZ = new double[B][C];
    double[][] gradS = new double[B][T];
    for (int b = 0; b < B; b++) {
      double[] p = softmax(z[b], 1);
      ce -= Math.log(p[y[b]]) / B;
      double[] aS = softmax(s[b], 1);
      att += kl(aT[b], aS) / B;
      double[] pt = softmax(zt[b], temp);
      double[] ps = softmax(z[b], temp);
      logit += temp * temp * kl(pt, ps) / B;
      for (int c = 0; c < C; c++) {
        gradZ[b][c] = (p[c] - (c == y[b] ? 1 : 0)) / B + alpha * temp * (ps[c] - pt[c]) / B;
      }
      for (int t = 0; t < T; t++) {
        gradS[b][t] = lambda * (aS[t] - aT[b][t]) / B;
      }
    }

    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = f32(m, z);
      NDArray scores = f32(m, s);
      double[] plogp = new double[B];
      for (int b = 0; b < B; b++) {
        plogp[b] = DistillationLoss.plogp(aT[b]);
      }
      DistillationLoss.Terms terms;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        logits.setRequiresGradient(true);
        scores.setRequiresGradient(true);
        terms =
            loss.evaluate(
                logits,
                m.create(new float[] {y[0], y[1], y[2]}),
                scores.logSoftmax(1),
                f32(m, aT),
                m.create(plogp).toType(DataType.FLOAT32, false),
                f32(m, zt));
        gc.backward(terms.total());
      }
      assertThat(terms.cls().getFloat()).isCloseTo((float) ce, within(1e-5f));
      assertThat(terms.attention().getFloat()).isCloseTo((float) att, within(1e-5f));
      assertThat(terms.logit().getFloat()).isCloseTo((float) logit, within(1e-5f));
      assertThat(terms.total().getFloat())
          .isCloseTo((float) (ce + lambda * att + alpha * logit), within(1e-5f));
      float[] gz = logits.getGradient().toFloatArray();
      float[] gs = scores.getGradient().toFloatArray();
      for (int b = 0; b < B; b++) {
        for (int c = 0; c < C; c++) {
          assertThat((double) gz[b * C + c]).as("dL/dz[%d][%d]", b, c).isCloseTo(gradZ[b][c], within(1e-6));
        }
        for (int t = 0; t < T; t++) {
          assertThat((double) gs[b * T + t]).as("dL/ds[%d][%d]", b, t).isCloseTo(gradS[b][t], within(1e-6));
        }
      }
    }
  }

  @Test
  void klIsZeroWhenTheStudentMatchesAndLambdaZeroLeavesOnlyTheClassLoss() {
    double[][] aT = targets(new Random(3));
    double[][] logA = new double[B][T];
    for (int b = 0; b < B; b++) {
      for (int t = 0; t < T; t++) {
        logA[b][t] = aT[b][t] > 0 ? Math.log(aT[b][t]) : -30; // a_S ≈ a_T, also where a_T = 0
      }
    }
    try (NDManager m = NDManager.newBaseManager()) {
      double[] plogp = new double[B];
      for (int b = 0; b < B; b++) {
        plogp[b] = DistillationLoss.plogp(aT[b]);
      }
      NDArray logits = f32(m, gaussian(new Random(1), B, C, 1));
      NDArray labels = m.create(new float[] {0, 1, 2});
      DistillationLoss.Terms matched =
          new DistillationLoss(false, new DistillationLoss.Weights(0.5, 0, 1))
              .evaluate(logits, labels, f32(m, logA), f32(m, aT), m.create(plogp).toType(DataType.FLOAT32, false), null);
      assertThat(matched.attention().getFloat()).isCloseTo(0f, within(1e-6f));
      assertThat(matched.logit()).as("α = 0: no logit term").isNull();

      double[][] uniform = new double[B][T];
      for (double[] row : uniform) {
        java.util.Arrays.fill(row, Math.log(1.0 / T));
      }
      DistillationLoss.Terms off =
          new DistillationLoss(false, new DistillationLoss.Weights(0, 0, 1))
              .evaluate(logits, labels, f32(m, uniform), f32(m, aT), m.create(plogp).toType(DataType.FLOAT32, false), null);
      assertThat(off.attention().getFloat()).as("still logged").isGreaterThan(0.01f);
      assertThat(off.total().getFloat()).as("λ = 0: the total is L_cls").isEqualTo(off.cls().getFloat());
    }
  }

  @Test
  void multiLabelTermsMatchFiniteDifferencesAndVanishAtTheTeacher() {
    Random r = new Random(11);
    double[][] z = gaussian(r, B, C, 1.0);
    double[][] zt = gaussian(r, B, C, 1.5);
    double[][] yy = new double[B][C];
    for (int b = 0; b < B; b++) {
      yy[b][r.nextInt(C)] = 1;
      yy[b][r.nextInt(C)] = 1;
    }
    DistillationLoss loss = new DistillationLoss(true, new DistillationLoss.Weights(0, 0.7, 3.0));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray labels = f32(m, yy);
      NDArray teacher = f32(m, zt);
      Function<double[][], Double> total =
          x -> (double) loss.evaluate(f32(m, x), labels, null, null, null, teacher).total().getFloat();
      NDArray logits = f32(m, z);
      float[] analytic;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        logits.setRequiresGradient(true);
        gc.backward(loss.evaluate(logits, labels, null, null, null, teacher).total());
        analytic = logits.getGradient().toFloatArray();
      }
      double eps = 1e-2;
      for (int b = 0; b < B; b++) {
        for (int c = 0; c < C; c++) {
          double[][] plus = copy(z);
          double[][] minus = copy(z);
          plus[b][c] += eps;
          minus[b][c] -= eps;
          double numeric = (total.apply(plus) - total.apply(minus)) / (2 * eps);
          assertThat((double) analytic[b * C + c]).as("dL/dz[%d][%d]", b, c).isCloseTo(numeric, within(2e-3));
        }
      }
      // The logit term alone is a KL: zero when the student's logits are the teacher's.
      DistillationLoss.Terms same = loss.evaluate(teacher, labels, null, null, null, teacher);
      assertThat(same.logit().getFloat()).isCloseTo(0f, within(1e-5f));
      DistillationLoss.Terms apart = loss.evaluate(f32(m, z), labels, null, null, null, teacher);
      assertThat(apart.logit().getFloat()).isGreaterThan(1e-3f);
    }
  }

  @Test
  void invalidWeightsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new DistillationLoss(false, new DistillationLoss.Weights(-1, 0, 0)))
        .hasMessageContaining("loss.lambda: must be in [0, 1000], found -1.0")
        .hasMessageContaining("loss.temperature: must be in (0, 100], found 0.0");
  }

  @Test
  void theProbeIsASoftmaxOverTimeOfContextDotQ() {
    Random r = new Random(2);
    int d = 6;
    double[][][] c = new double[B][T][d];
    for (double[][] clip : c) {
      for (double[] row : clip) {
        for (int k = 0; k < d; k++) {
          row[k] = r.nextGaussian();
        }
      }
    }
    double[] q = new double[d];
    for (int k = 0; k < d; k++) {
      q[k] = r.nextGaussian();
    }
    TemporalProbe probe = new TemporalProbe(d);
    try (NDManager m = NDManager.newBaseManager()) {
      probe.initialize(m, DataType.FLOAT32, new Shape(B, T, d));
      probe.getParameters().get("q").getArray().set(toFloat(q));
      float[] flat = new float[B * T * d];
      for (int b = 0; b < B; b++) {
        for (int t = 0; t < T; t++) {
          for (int k = 0; k < d; k++) {
            flat[(b * T + t) * d + k] = (float) c[b][t][k];
          }
        }
      }
      NDArray ctx = m.create(flat, new Shape(B, T, d));
      NDArray logA = probe.forward(new ParameterStore(m, false), new NDList(ctx), false).head();
      assertThat(logA.getShape()).isEqualTo(new Shape(B, T));
      float[] got = logA.exp().toFloatArray();
      for (int b = 0; b < B; b++) {
        double[] scores = new double[T];
        for (int t = 0; t < T; t++) {
          for (int k = 0; k < d; k++) {
            scores[t] += c[b][t][k] * q[k];
          }
        }
        double[] want = softmax(scores, 1);
        for (int t = 0; t < T; t++) {
          assertThat((double) got[b * T + t]).isCloseTo(want[t], within(1e-5));
        }
      }
      // Learnable: a KL to a target moves q.
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l =
            probe.forward(new ParameterStore(m, false), new NDList(ctx), true).head().get(":, 0").neg().sum();
        gc.backward(l);
      }
      float[] g = probe.getParameters().get("q").getArray().getGradient().toFloatArray();
      float largest = 0;
      for (float v : g) {
        largest = Math.max(largest, Math.abs(v));
      }
      assertThat(largest).as("largest gradient on q").isGreaterThan(1e-4f);
    }
  }

  private static double[][] copy(double[][] x) {
    double[][] y = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i].clone();
    }
    return y;
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
