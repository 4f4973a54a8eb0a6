package org.tkdworkbench.ui.inspector;

import org.tkdworkbench.ui.plot.ColorMap;

/**
 * A heatmap ready for the screen, built off the FX thread: one opaque ARGB pixel per (token, row),
 * row 0 at the top. Each row is scaled to its own maximum, because attention in later layers is far
 * peakier than in early ones and one shared scale would leave the early rows black; the rollout
 * curve beside it carries the absolute weights.
 *
 * @param width tokens T
 * @param height rows (layers or heads)
 * @param argb {@code width × height} pixels, row-major
 */
public record Heatmap(int width, int height, int[] argb) {
  /** Renders {@code rows} ({@code [rows][T]}, non-negative) with {@code map}. */
  public static Heatmap render(double[][] rows, ColorMap map) {
    int h = rows.length;
    int w = h == 0 ? 0 : rows[0].length;
    int[] argb = new int[w * h];
    for (int r = 0; r < h; r++) {
      double max = 0;
      for (double v : rows[r]) {
        max = Math.max(max, v);
      }
      for (int t = 0; t < w; t++) {
        argb[r * w + t] = map.argb(max > 0 ? rows[r][t] / max : 0);
      }
    }
    return new Heatmap(w, h, argb);
  }
}
