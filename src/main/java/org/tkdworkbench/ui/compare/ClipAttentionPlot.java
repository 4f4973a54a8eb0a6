package org.tkdworkbench.ui.compare;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.tkdworkbench.ui.plot.Tick;
import org.tkdworkbench.ui.plot.TimeAxis;

/**
 * The paper's Fig. 2 for one clip: its spectrogram on top and, below on the same time axis, the
 * target {@code a_T} (dashed) and each run's {@code a_S}, each curve a polyline through its steps'
 * centres. The image comes ready from the view-model; drawing only copies pixels and strokes lines.
 */
final class ClipAttentionPlot extends Region {
  static final Color[] PALETTE = {
    Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2")
  };
  private static final double LEFT = 50;
  private static final double RIGHT = 12;
  private static final double TOP = 6;
  private static final double BOTTOM = 30;
  private static final double GAP = 10;
  private static final Font FONT = Font.font("System", 11);

  private final Canvas canvas = new Canvas();
  private CompareViewModel.ClipView view;
  private WritableImage image;

  ClipAttentionPlot() {
    canvas.setId("fig2Canvas");
    getChildren().add(canvas);
    setMinSize(300, 260);
  }

  void setView(CompareViewModel.ClipView v) {
    view = v;
    image = null;
    if (v != null) {
      var r = v.spectrogram();
      image = new WritableImage(r.width(), r.height());
      image.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(), r.argb(), 0, r.width());
      canvas.setAccessibleText(v.clipId() + ": " + v.studentCurves().size() + " student curves" + (v.target() == null ? "" : " and the target"));
    } else {
      canvas.setAccessibleText(null);
    }
    draw();
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    draw();
  }

  private void draw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setFont(FONT);
    if (view == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 40) {
      g.setFill(Color.GRAY);
      g.fillText("Choose a clip to see its spectrogram with each run's attention", 12, 24);
      return;
    }
    double pw = w - LEFT - RIGHT;
    double specH = (h - TOP - BOTTOM - GAP) * 0.5;
    double curveTop = TOP + specH + GAP;
    double curveH = h - BOTTOM - curveTop;
    g.setImageSmoothing(false);
    g.drawImage(image, LEFT, TOP, pw, specH);
    double max = 0;
    for (CompareViewModel.Series s : curves()) {
      for (double v : s.y()) {
        max = Math.max(max, v);
      }
    }
    max = max <= 0 ? 1 : max * 1.1;
    g.setStroke(Color.web("#cccccc"));
    g.strokeRect(LEFT, curveTop, pw, curveH);
    int k = 0;
    double legendY = curveTop + 14;
    if (view.target() != null) {
      g.setLineDashes(6, 4);
      stroke(g, view.target(), Color.web("#333333"), pw, curveTop, curveH, max);
      g.setLineDashes();
      g.setFill(Color.web("#333333"));
      g.fillText("- - " + view.targetName(), LEFT + 6, legendY);
      legendY += 14;
    }
    for (CompareViewModel.Series s : view.studentCurves()) {
      Color c = PALETTE[k++ % PALETTE.length];
      stroke(g, s, c, pw, curveTop, curveH, max);
      g.setFill(c);
      g.fillText("— a_S " + s.run(), LEFT + 6, legendY);
      legendY += 14;
    }
    g.setFill(Color.web("#333333"));
    for (Tick t : TimeAxis.ticks(view.seconds(), pw, 60)) {
      double x = LEFT + t.value() / view.seconds() * pw;
      g.strokeLine(x, h - BOTTOM, x, h - BOTTOM + 4);
      g.fillText(t.label(), x - 8, h - BOTTOM + 16);
    }
    g.fillText("time (s)", LEFT + pw / 2 - 20, h - 4);
    g.fillText("mel", 8, TOP + specH / 2);
    g.fillText("weight", 4, curveTop + curveH / 2);
  }

  private List<CompareViewModel.Series> curves() {
    List<CompareViewModel.Series> all = new java.util.ArrayList<>(view.studentCurves());
    if (view.target() != null) {
      all.add(view.target());
    }
    return all;
  }

  private void stroke(GraphicsContext g, CompareViewModel.Series s, Color c, double pw, double top, double height, double max) {
    g.setStroke(c);
    g.setLineWidth(2);
    g.beginPath();
    for (int i = 0; i < s.x().length; i++) {
      double x = LEFT + s.x()[i] / view.seconds() * pw;
      double y = top + height - s.y()[i] / max * height;
      if (i == 0) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, y);
      }
    }
    g.stroke();
    g.setLineWidth(1);
  }
}
