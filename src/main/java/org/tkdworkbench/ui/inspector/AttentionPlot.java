package org.tkdworkbench.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tkdworkbench.data.noisy.KeywordSpan;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.features.MelScale;
import org.tkdworkbench.ui.plot.MelAxis;
import org.tkdworkbench.ui.plot.SpectrogramRaster;
import org.tkdworkbench.ui.plot.Tick;
import org.tkdworkbench.ui.plot.TimeAxis;

/**
 * Four panels on one time axis (seconds), all the same width and x-scale: spectrogram, rollout
 * curve, layer × time and head × time heatmaps; the true keyword span shaded across all of them and
 * a playback cursor crossing them. Pixels come ready-made from the view-model; here they are only
 * copied ({@code setPixels}) and a few lines stroked.
 */
final class AttentionPlot extends Region {
  private static final double LEFT = 70;
  private static final double RIGHT = 16;
  private static final double TOP = 6;
  private static final double BOTTOM = 38;
  private static final double GAP = 8;
  private static final Color PLOT_BG = Color.web("#16161c");
  private static final Color INK = Color.web("#2b2b33");
  private static final Color CURVE = Color.web("#fca50a");
  private static final Color SPAN_FILL = Color.rgb(120, 220, 255, 0.16);
  private static final Color SPAN_EDGE = Color.rgb(120, 220, 255, 0.9);
  private static final Font FONT = Font.font("System", 11);

  private final Canvas axes = new Canvas();
  private final Canvas spectrogram = new Canvas();
  private final Canvas curve = new Canvas();
  private final Canvas layers = new Canvas();
  private final Canvas heads = new Canvas();
  private final Canvas overlay = new Canvas();
  private final Line cursor = new Line();

  private FeatureSpec spec;
  private double duration;
  private WritableImage specImage;
  private WritableImage layerImage;
  private WritableImage headImage;
  private AttentionView view;
  private KeywordSpan span;

  AttentionPlot() {
    spectrogram.setId("inspectorSpectrogram");
    curve.setId("rolloutCurve");
    layers.setId("layerHeatmap");
    heads.setId("headHeatmap");
    overlay.setId("inspectorSpan");
    overlay.setMouseTransparent(true);
    cursor.setId("inspectorCursor");
    cursor.getStyleClass().add("play-cursor");
    cursor.setManaged(false);
    cursor.setVisible(false);
    cursor.setMouseTransparent(true);
    getChildren().addAll(axes, spectrogram, curve, layers, heads, overlay, cursor);
    setMinSize(360, 320);
  }

  void setClip(FeatureSpec featureSpec, double seconds, SpectrogramRaster r) {
    spec = featureSpec;
    duration = seconds;
    specImage = r == null ? null : image(specImage, r.width(), r.height(), r.argb());
    redraw();
  }

  void setAttention(AttentionView v) {
    view = v;
    layerImage =
        v == null
            ? null
            : image(layerImage, v.layers().width(), v.layers().height(), v.layers().argb());
    headImage =
        v == null
            ? null
            : image(headImage, v.heads().width(), v.heads().height(), v.heads().argb());
    curve.setAccessibleText(v == null ? null : "Rollout curve, peak at token " + v.peakToken());
    heads.setAccessibleText(v == null ? null : "Heads of layer " + (v.layer() + 1));
    redraw();
  }

  void setSpan(KeywordSpan s) {
    span = s;
    redraw();
  }

  /** Puts the cursor at {@code seconds}, or hides it for a negative value. */
  void setCursor(double seconds) {
    if (seconds < 0 || duration <= 0) {
      cursor.setVisible(false);
      return;
    }
    double x = Math.round(x(Math.min(seconds, duration))) + 0.5;
    cursor.setStartX(x);
    cursor.setEndX(x);
    cursor.setStartY(TOP);
    cursor.setEndY(heads.getLayoutY() + heads.getHeight());
    cursor.setVisible(true);
  }

  private static WritableImage image(WritableImage old, int w, int h, int[] argb) {
    if (w == 0 || h == 0) {
      return null;
    }
    WritableImage img =
        old != null && (int) old.getWidth() == w && (int) old.getHeight() == h
            ? old
            : new WritableImage(w, h);
    img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return img;
  }

  @Override
  protected void layoutChildren() {
    double w = Math.max(10, Math.floor(getWidth() - LEFT - RIGHT));
    double h = Math.max(40, getHeight() - TOP - BOTTOM - 3 * GAP);
    double specH = Math.floor(h * 0.36);
    double curveH = Math.floor(h * 0.20);
    double layerH = Math.floor(h * 0.22);
    double headH = Math.floor(h - specH - curveH - layerH);
    double y = TOP;
    for (Canvas c : new Canvas[] {spectrogram, curve, layers, heads}) {
      double ch = c == spectrogram ? specH : c == curve ? curveH : c == layers ? layerH : headH;
      c.relocate(LEFT, y);
      c.setWidth(w);
      c.setHeight(ch);
      y += ch + GAP;
    }
    for (Canvas c : new Canvas[] {axes, overlay}) {
      c.setWidth(getWidth());
      c.setHeight(getHeight());
    }
    redraw();
  }

  private double span() {
    if (duration > 0) {
      return duration;
    }
    if (view != null && view.tokenTimes().length > 0) {
      return view.tokenTimes()[view.tokenTimes().length - 1] + view.tokenPeriod() / 2;
    }
    return 1;
  }

  private double x(double seconds) {
    return LEFT + seconds / span() * spectrogram.getWidth();
  }

  private void redraw() {
    fill(spectrogram, specImage, 0, duration, true);
    drawCurve();
    double t0 = 0;
    double t1 = 0;
    if (view != null && view.tokenTimes().length > 0) {
      t0 = view.tokenTimes()[0] - view.tokenPeriod() / 2;
      t1 = view.tokenTimes()[view.tokenTimes().length - 1] + view.tokenPeriod() / 2;
    }
    fill(layers, layerImage, t0, t1, false);
    fill(heads, headImage, t0, t1, false);
    drawAxes();
    drawOverlay();
  }

  /** Paints {@code img} over the seconds {@code from..to} of the panel's shared time scale. */
  private void fill(Canvas c, WritableImage img, double from, double to, boolean smooth) {
    GraphicsContext g = c.getGraphicsContext2D();
    g.setFill(PLOT_BG);
    g.fillRect(0, 0, c.getWidth(), c.getHeight());
    if (img != null && to > from) {
      g.setImageSmoothing(smooth);
      double x0 = x(from) - LEFT;
      g.drawImage(img, x0, 0, x(to) - LEFT - x0, c.getHeight());
    }
  }

  private void drawCurve() {
    GraphicsContext g = curve.getGraphicsContext2D();
    double w = curve.getWidth();
    double h = curve.getHeight();
    g.setFill(PLOT_BG);
    g.fillRect(0, 0, w, h);
    if (view == null || view.curve().length == 0) {
      return;
    }
    double max = curveMax();
    int n = view.curve().length;
    double[] xs = new double[n + 2];
    double[] ys = new double[n + 2];
    for (int i = 0; i < n; i++) {
      xs[i + 1] = x(view.tokenTimes()[i]) - LEFT;
      ys[i + 1] = h - 2 - view.curve()[i] / max * (h - 6);
    }
    xs[0] = xs[1];
    ys[0] = h;
    xs[n + 1] = xs[n];
    ys[n + 1] = h;
    g.setFill(CURVE.deriveColor(0, 1, 1, 0.35));
    g.fillPolygon(xs, ys, n + 2);
    g.setStroke(CURVE);
    g.setLineWidth(1.5);
    g.strokePolyline(
        java.util.Arrays.copyOfRange(xs, 1, n + 1), java.util.Arrays.copyOfRange(ys, 1, n + 1), n);
  }

  private double curveMax() {
    double max = 0;
    for (double v : view.curve()) {
      max = Math.max(max, v);
    }
    return max > 0 ? max : 1;
  }

  private void drawAxes() {
    GraphicsContext g = axes.getGraphicsContext2D();
    g.clearRect(0, 0, axes.getWidth(), axes.getHeight());
    g.setFont(FONT);
    g.setFill(INK);
    g.setStroke(INK);
    g.setLineWidth(1);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    double x0 = LEFT;
    if (spec != null) {
      MelAxis mel = new MelAxis(spec.nMels(), spec.fmin(), spec.effectiveFmax(), MelScale::hzToMel);
      double top = spectrogram.getLayoutY();
      double sh = spectrogram.getHeight();
      for (Tick t : mel.ticks(sh, 18)) {
        double y = Math.floor(top + sh - t.fraction() * sh) + 0.5;
        g.strokeLine(x0 - 5, y, x0, y);
        g.fillText(t.label(), x0 - 8, Math.max(top + 6, Math.min(top + sh - 6, y)));
      }
    }
    label(g, "Hz", spectrogram);
    if (view != null) {
      double top = curve.getLayoutY();
      double ch = curve.getHeight();
      g.fillText(String.format(java.util.Locale.ROOT, "%.3f", curveMax()), x0 - 8, top + 4);
      g.fillText("0", x0 - 8, top + ch - 2);
      rows(g, layers, view.layers().height(), "L");
      rows(g, heads, view.heads().height(), "H");
    }
    label(g, "weight", curve);
    label(g, "layer", layers);
    label(g, view == null ? "head" : "head L" + (view.layer() + 1), heads);

    double bottom = heads.getLayoutY() + heads.getHeight();
    double w = spectrogram.getWidth();
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (Tick t : TimeAxis.ticks(span(), w, 64)) {
      double x = Math.floor(x0 + t.fraction() * w) + 0.5;
      g.strokeLine(x, bottom, x, bottom + 5);
      g.fillText(t.label(), Math.min(x, x0 + w - 8), bottom + 7);
    }
    g.fillText("time (s)", x0 + w / 2, bottom + 22);
  }

  private static void rows(GraphicsContext g, Canvas c, int n, String prefix) {
    double rh = c.getHeight() / Math.max(1, n);
    int every = (int) Math.ceil(12 / Math.max(1, rh));
    for (int i = 0; i < n; i += every) {
      g.fillText(prefix + (i + 1), LEFT - 8, c.getLayoutY() + (i + 0.5) * rh);
    }
  }

  private static void label(GraphicsContext g, String text, Canvas c) {
    g.save();
    g.translate(12, c.getLayoutY() + c.getHeight() / 2);
    g.rotate(-90);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(text, 0, 0);
    g.restore();
  }

  private void drawOverlay() {
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    if (span == null) {
      return;
    }
    double a = x(Math.max(0, span.startSeconds()));
    double b = x(Math.min(span(), span.endSeconds()));
    g.setLineWidth(1);
    g.setLineDashes(4, 3);
    for (Canvas c : new Canvas[] {spectrogram, curve, layers, heads}) {
      double top = c.getLayoutY();
      g.setFill(SPAN_FILL);
      g.fillRect(a, top, b - a, c.getHeight());
      g.setStroke(SPAN_EDGE);
      g.strokeLine(Math.floor(a) + 0.5, top, Math.floor(a) + 0.5, top + c.getHeight());
      g.strokeLine(Math.floor(b) + 0.5, top, Math.floor(b) + 0.5, top + c.getHeight());
    }
    overlay.setAccessibleText(
        String.format(
            java.util.Locale.ROOT, "keyword %.2f–%.2f s", span.startSeconds(), span.endSeconds()));
  }
}
