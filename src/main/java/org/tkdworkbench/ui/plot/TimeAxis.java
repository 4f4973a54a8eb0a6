package org.tkdworkbench.ui.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Ticks for a time axis in seconds, at 1-2-5 steps spaced at least a minimum number of pixels. */
public final class TimeAxis {
  private TimeAxis() {}

  /**
   * Ticks from 0 to {@code durationSeconds} (inclusive where a step lands on it).
   *
   * @param lengthPx the axis length in pixels
   * @param minSpacingPx the smallest distance between two ticks
   */
  public static List<Tick> ticks(double durationSeconds, double lengthPx, double minSpacingPx) {
    List<Tick> ticks = new ArrayList<>();
    if (!(durationSeconds > 0) || !(lengthPx > 0)) {
      return ticks;
    }
    double step = niceStep(durationSeconds * minSpacingPx / lengthPx);
    int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
    long n = (long) Math.floor(durationSeconds / step + 1e-9);
    for (long i = 0; i <= n; i++) {
      double t = i * step;
      ticks.add(new Tick(t, t / durationSeconds, String.format("%." + decimals + "f", t)));
    }
    return ticks;
  }

  /** The smallest of 1, 2, 5 times a power of ten that is at least {@code min}. */
  static double niceStep(double min) {
    double p = Math.pow(10, Math.floor(Math.log10(min)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= min * (1 - 1e-9)) {
        return BigDecimal.valueOf(m * p).doubleValue();
      }
    }
    return 10 * p;
  }
}
