package org.tkdworkbench.distill;

import java.util.Collection;

/**
 * Does the attention curve's peak fall inside the keyword's true span? The measurement behind the
 * paper's Fig. 2 and the teacher's "Done when": per clip, the time of the curve's maximum (the
 * first one on ties) against {@code [start, end)} of {@code keyword_spans.csv}, and the distance
 * from the peak to the span (0 inside).
 */
public final class PeakInSpan {
  private PeakInSpan() {}

  /**
   * One clip's result.
   *
   * @param clipId the clip
   * @param peakSeconds time of the curve's maximum
   * @param inside {@code start ≤ peak < end}
   * @param distanceSeconds 0 inside, else the distance to the nearer span edge
   */
  public record Hit(String clipId, double peakSeconds, boolean inside, double distanceSeconds) {}

  /**
   * Over many clips.
   *
   * @param clips clips measured
   * @param inside clips whose peak is inside their span
   * @param meanDistanceSeconds mean of {@link Hit#distanceSeconds} (NaN for no clips)
   */
  public record Summary(int clips, int inside, double meanDistanceSeconds) {
    /** {@code inside / clips}, NaN for no clips. */
    public double share() {
      return clips == 0 ? Double.NaN : (double) inside / clips;
    }
  }

  /** Index of the curve's maximum (the first on ties). */
  public static int argmax(float[] curve) {
    if (curve == null || curve.length == 0) {
      throw new IllegalArgumentException("curve: empty");
    }
    int best = 0;
    for (int i = 1; i < curve.length; i++) {
      if (curve[i] > curve[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Whether the peak of {@code curve} (at {@code times}) lies in {@code [start, end)}. */
  public static Hit measure(String clipId, float[] curve, double[] times, double start, double end) {
    if (times == null || times.length != curve.length) {
      throw new IllegalArgumentException(
          "clip " + clipId + ": " + curve.length + " curve points but " + (times == null ? 0 : times.length) + " times");
    }
    double t = times[argmax(curve)];
    boolean inside = t >= start && t < end;
    double distance = inside ? 0 : (t < start ? start - t : t - end);
    return new Hit(clipId, t, inside, distance);
  }

  /** One clip's knowledge against its span. */
  public static Hit measure(ClipKnowledge k, double start, double end) {
    return measure(k.clipId(), k.curve(), k.times(), start, end);
  }

  /** Share inside and mean distance over {@code hits}. */
  public static Summary summarise(Collection<Hit> hits) {
    int inside = 0;
    double distance = 0;
    for (Hit h : hits) {
      inside += h.inside() ? 1 : 0;
      distance += h.distanceSeconds();
    }
    return new Summary(hits.size(), inside, hits.isEmpty() ? Double.NaN : distance / hits.size());
  }
}
