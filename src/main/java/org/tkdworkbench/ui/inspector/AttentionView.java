package org.tkdworkbench.ui.inspector;

import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.ui.plot.ColorMap;

/**
 * What the attention panels draw for one clip and one choice of selectors, computed off the FX
 * thread from the clip's cached {@link TeacherOutput}.
 *
 * @param tokenTimes centre time (s) of each input token
 * @param tokenPeriod seconds between tokens (a heatmap cell's width)
 * @param curve the rollout curve, one weight per token
 * @param layers layer × time: each layer's fused c1 row without the c1 column
 * @param heads head × time for {@code layer}: each head's c1 row without the c1 column
 * @param layerRows the values behind {@code layers} ({@code [L][T]})
 * @param headRows the values behind {@code heads} ({@code [H][T]})
 */
public record AttentionView(
    RolloutMethod method,
    HeadFusion fusion,
    int layer,
    double[] tokenTimes,
    double tokenPeriod,
    double[] curve,
    Heatmap layers,
    Heatmap heads,
    double[][] layerRows,
    double[][] headRows) {

  static final ColorMap MAP = ColorMap.MAGMA;

  /** Computes the panels from {@code out}: one rollout and L head fusions; no inference. */
  static AttentionView compute(
      TeacherOutput out,
      double tokenPeriod,
      RolloutMethod method,
      HeadFusion fusion,
      int layer,
      AttentionMaps maps) {
    int l = Math.max(0, Math.min(out.layers() - 1, layer));
    int tokens = out.tokens();
    double[] curve = maps.curve(out.attention(), method, fusion);
    double[][] layerRows = new double[out.layers()][];
    for (int i = 0; i < out.layers(); i++) {
      double[][] fused = maps.fuseHeads(out.attention()[i], fusion);
      layerRows[i] = withoutC1(fused[0], tokens);
    }
    double[][] headRows = new double[out.heads()][];
    for (int h = 0; h < out.heads(); h++) {
      float[] row = out.attention()[l][h][0];
      double[] d = new double[row.length];
      for (int i = 0; i < row.length; i++) {
        d[i] = row[i];
      }
      headRows[h] = withoutC1(d, tokens);
    }
    return new AttentionView(
        method,
        fusion,
        l,
        out.tokenTimes(),
        tokenPeriod,
        curve,
        Heatmap.render(layerRows, MAP),
        Heatmap.render(headRows, MAP),
        layerRows,
        headRows);
  }

  private static double[] withoutC1(double[] c1Row, int tokens) {
    double[] out = new double[tokens];
    System.arraycopy(c1Row, 1, out, 0, Math.min(tokens, c1Row.length - 1));
    return out;
  }

  InspectorViewModel.Selectors selectors() {
    return new InspectorViewModel.Selectors(method, fusion, layer);
  }

  /** Index of the curve's largest weight. */
  public int peakToken() {
    int best = 0;
    for (int i = 1; i < curve.length; i++) {
      if (curve[i] > curve[best]) {
        best = i;
      }
    }
    return best;
  }
}
