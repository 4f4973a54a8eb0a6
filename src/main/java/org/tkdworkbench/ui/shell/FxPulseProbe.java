package org.tkdworkbench.ui.shell;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the FX thread runs: an {@link AnimationTimer} notes the time between
 * consecutive pulses (JavaFX aims at 60 a second, 16.7 ms apart); a long gap is a stall, time
 * the thread spent on something else (file reading, a big redraw). Used by the responsiveness
 * measurement in {@code RunsAppTest} whose numbers are in the README; cheap enough to leave on.
 */
public final class FxPulseProbe {
  private final AnimationTimer timer;
  private long last;
  private long[] gaps = new long[1024];
  private int count;

  public FxPulseProbe() {
    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        if (last != 0) {
          if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, count * 2);
          }
          gaps[count++] = now - last;
        }
        last = now;
      }
    };
  }

  /** Starts measuring (FX thread). */
  public void start() {
    last = 0;
    timer.start();
  }

  /** Stops measuring (FX thread). */
  public void stop() {
    timer.stop();
  }

  /**
   * What was measured.
   *
   * @param pulses gaps measured
   * @param maxMillis the longest gap
   * @param p99Millis the 99th percentile gap
   */
  public record Report(int pulses, double maxMillis, double p99Millis) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%d pulses, longest gap %.1f ms, 99th percentile %.1f ms", pulses, maxMillis, p99Millis);
    }
  }

  /** The gaps so far (FX thread). */
  public Report report() {
    if (count == 0) {
      return new Report(0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(gaps, count);
    Arrays.sort(sorted);
    return new Report(count, sorted[count - 1] / 1e6, sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6);
  }
}
