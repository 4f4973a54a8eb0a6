package org.tkdworkbench.ui.plot;

/**
 * TensorBoard's curve smoothing: an exponential moving average, debiased so the first points are
 * not pulled towards zero. {@code weight} 0 returns the curve unchanged; 0.9 averages over roughly
 * the last ten points. NaN points stay NaN and do not disturb the average.
 */
public final class Smoothing {
  private Smoothing() {}

  /** The smoothed copy of {@code y}. */
  public static double[] ema(double[] y, double weight) {
    if (!(weight >= 0 && weight < 1)) {
      throw new IllegalArgumentException("smoothing weight must be in [0, 1), found " + weight);
    }
    double[] out = new double[y.length];
    double last = 0;
    int n = 0;
    for (int i = 0; i < y.length; i++) {
      if (Double.isNaN(y[i])) {
        out[i] = Double.NaN;
        continue;
      }
      last = last * weight + (1 - weight) * y[i];
      n++;
      out[i] = last / (1 - Math.pow(weight, n));
    }
    return out;
  }
}
