package org.tkdworkbench.ui.inspector;

import java.util.Locale;
import org.tkdworkbench.data.noisy.KeywordSpan;
import org.tkdworkbench.distill.PeakInSpan;

/**
 * The shown rollout curve's peak against the clip's true keyword span: per clip, the measurement
 * that {@code teacher evaluate} sums over a split ({@link PeakInSpan}), so the inspector and the
 * CLI agree clip by clip.
 *
 * @param hit where the peak is and whether it lies in {@code [start, end)}
 * @param span the true span
 */
public record SpanCheck(PeakInSpan.Hit hit, KeywordSpan span) {

  /** The check for {@code view}'s curve, or null when there is no curve or no span. */
  static SpanCheck of(AttentionView view, KeywordSpan span) {
    if (view == null || span == null || view.curve().length == 0) {
      return null;
    }
    float[] curve = new float[view.curve().length];
    for (int i = 0; i < curve.length; i++) {
      curve[i] = (float) view.curve()[i];
    }
    return new SpanCheck(
        PeakInSpan.measure(span.clip(), curve, view.tokenTimes(), span.startSeconds(), span.endSeconds()),
        span);
  }

  public boolean inside() {
    return hit.inside();
  }

  /** "peak 1.24 s · inside the keyword (1.10–1.45 s)" or "peak 2.04 s · 0.59 s after the keyword (…)". */
  public String text() {
    String where;
    if (hit.inside()) {
      where = "inside the keyword";
    } else {
      where =
          String.format(
              Locale.ROOT,
              "%.2f s %s the keyword",
              hit.distanceSeconds(),
              hit.peakSeconds() < span.startSeconds() ? "before" : "after");
    }
    return String.format(
        Locale.ROOT,
        "peak %.2f s · %s (%.2f–%.2f s)",
        hit.peakSeconds(),
        where,
        span.startSeconds(),
        span.endSeconds());
  }
}
