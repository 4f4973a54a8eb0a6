package org.tkdworkbench.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The frequency axis of a mel spectrogram image whose rows are the mel bands, lowest at the bottom.
 *
 * <p>Band {@code i}'s centre lies at mel {@code m(fmin) + (i + 1)·Δ} with {@code Δ = (m(fmax) −
 * m(fmin)) / (nMels + 1)} (the filterbank's {@code nMels + 2} edge points are evenly spaced in mel)
 * and is drawn at the middle of row {@code i}. A frequency therefore sits at fraction {@code
 * ((m(f) − m(fmin)) / Δ − 0.5) / nMels} of the image height, clamped to the image: Hz labels land
 * on the rows that hold those frequencies, not on a linear Hz scale.
 */
public final class MelAxis {
  /** Round frequencies offered as ticks; those outside fmin..fmax or too crowded are dropped. */
  static final double[] CANDIDATES_HZ = {
    0, 100, 250, 500, 1000, 2000, 3000, 4000, 6000, 8000, 12000, 16000, 24000
  };

  private final int nMels;
  private final double fmin;
  private final double fmax;
  private final DoubleUnaryOperator hzToMel;
  private final double melMin;
  private final double delta;

  /**
   * @param hzToMel the mel scale the filterbank used (the features' {@code MelScale::hzToMel})
   */
  public MelAxis(int nMels, double fmin, double fmax, DoubleUnaryOperator hzToMel) {
    if (nMels < 1 || !(fmax > fmin)) {
      throw new IllegalArgumentException(
          "need nMels >= 1 and fmax > fmin, found " + nMels + ", " + fmin + ".." + fmax);
    }
    this.nMels = nMels;
    this.fmin = fmin;
    this.fmax = fmax;
    this.hzToMel = hzToMel;
    this.melMin = hzToMel.applyAsDouble(fmin);
    this.delta = (hzToMel.applyAsDouble(fmax) - melMin) / (nMels + 1);
  }

  /** Where {@code hz} sits, 0 = bottom edge of the image, 1 = top edge. */
  public double fraction(double hz) {
    double band = (hzToMel.applyAsDouble(hz) - melMin) / delta - 1; // fractional band index
    return Math.max(0, Math.min(1, (band + 0.5) / nMels));
  }

  /** Ticks at round frequencies, at least {@code minSpacingPx} apart on an axis {@code lengthPx} long. */
  public List<Tick> ticks(double lengthPx, double minSpacingPx) {
    List<Tick> ticks = new ArrayList<>();
    double lastPx = Double.NEGATIVE_INFINITY;
    for (double hz : CANDIDATES_HZ) {
      if (hz < fmin || hz > fmax) {
        continue;
      }
      double f = fraction(hz);
      if (f * lengthPx - lastPx >= minSpacingPx) {
        ticks.add(new Tick(hz, f, label(hz)));
        lastPx = f * lengthPx;
      }
    }
    return ticks;
  }

  /** "0", "500", "1k", "1.5k", "8k". */
  static String label(double hz) {
    if (hz < 1000) {
      return Long.toString(Math.round(hz));
    }
    double k = hz / 1000;
    return (k == Math.rint(k) ? Long.toString(Math.round(k)) : String.valueOf(k)) + "k";
  }
}
