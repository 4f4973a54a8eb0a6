package org.tkdworkbench.ui.browser;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.features.MelScale;
import org.tkdworkbench.ui.plot.MelAxis;
import org.tkdworkbench.ui.plot.SpectrogramRaster;
import org.tkdworkbench.ui.plot.Tick;
import org.tkdworkbench.ui.plot.TimeAxis;
import org.tkdworkbench.ui.plot.WaveformEnvelope;

/**
 * The waveform above the spectrogram, sharing one time axis, with the frequency axis at mel
 * positions, a colour bar, a playback cursor across both, and a message over them (hint, progress
 * or error). Everything it draws was computed off the FX thread; here it only copies pixels and
 * strokes a few hundred lines.
 */
final class ClipPlotPane extends Region {
  private static final double LEFT = 62;
  private static final double RIGHT = 58;
  private static final double TOP = 8;
  private static final double BOTTOM = 42;
  private static final double GAP = 10;
  private static final Color PLOT_BG = Color.web("#16161c");
  private static final Color INK = Color.web("#2b2b33");
  private static final Color WAVE = Color.web("#5ec962");
  private static final Font FONT = Font.font("System", 11);

  private final Canvas axes = new Canvas();
  private final Canvas waveform = new Canvas();
  private final Canvas spectrogram = new Canvas();
  private final Line cursor = new Line();
  private final Label message = new Label();

  private String clipId;
  private WaveformEnvelope envelope;
  private FeatureSpec spec;
  private double duration;
  private SpectrogramRaster raster;
  private WritableImage image;

  ClipPlotPane() {
    getStyleClass().add("clip-plot");
    axes.setId("plotAxes");
    waveform.setId("waveformCanvas");
    spectrogram.setId("spectrogramCanvas");
    cursor.setId("playCursor");
    cursor.getStyleClass().add("play-cursor");
    cursor.setManaged(false);
    cursor.setVisible(false);
    cursor.setMouseTransparent(true);
    message.setId("clipMessage");
    message.getStyleClass().add("plot-message");
    message.setWrapText(true);
    message.setManaged(false);
    message.setMouseTransparent(true);
    getChildren().addAll(axes, waveform, spectrogram, cursor, message);
    setMinSize(320, 240);
  }

  Canvas spectrogramCanvas() {
    return spectrogram;
  }

  Label messageLabel() {
    return message;
  }

  /** Shows a decoded clip's waveform and axes (null clears them). */
  void setAnalysis(ClipAnalysis a) {
    clipId = a == null ? null : a.clip().id();
    waveform.setAccessibleText(a == null ? null : "Waveform of " + clipId);
    envelope = a == null ? null : a.envelope();
    spec = a == null ? null : a.spec();
    duration = a == null ? 0 : a.durationSeconds();
    redraw();
  }

  /** Shows spectrogram pixels (null clears them); the only {@code setPixels} of the browser. */
  void setRaster(SpectrogramRaster r) {
    raster = r;
    if (r == null) {
      image = null;
    } else {
      if (image == null
          || (int) image.getWidth() != r.width()
          || (int) image.getHeight() != r.height()) {
        image = new WritableImage(r.width(), r.height());
      }
      image
          .getPixelWriter()
          .setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(), r.argb(), 0,
              r.width());
    }
    // Also tells screen readers (and tests) which clip the picture shows.
    spectrogram.setAccessibleText(r == null ? null : "Log-mel spectrogram of " + clipId);
    drawSpectrogram();
    drawAxes();
  }

  /** Puts the cursor at {@code seconds}, or hides it for a negative value. */
  void setCursor(double seconds) {
    if (seconds < 0 || duration <= 0) {
      cursor.setVisible(false);
      return;
    }
    double w = spectrogram.getWidth();
    double x = Math.round(LEFT + Math.min(1, seconds / duration) * w) + 0.5;
    cursor.setStartX(x);
    cursor.setEndX(x);
    cursor.setStartY(TOP);
    cursor.setEndY(spectrogram.getLayoutY() + spectrogram.getHeight());
    cursor.setVisible(true);
  }

  @Override
  protected void layoutChildren() {
    double w = Math.max(10, Math.floor(getWidth() - LEFT - RIGHT));
    double h = Math.max(20, getHeight() - TOP - BOTTOM - GAP);
    double waveH = Math.floor(Math.max(50, Math.min(140, h * 0.24)));
    double specH = Math.floor(h - waveH);
    axes.setWidth(getWidth());
    axes.setHeight(getHeight());
    waveform.relocate(LEFT, TOP);
    waveform.setWidth(w);
    waveform.setHeight(waveH);
    spectrogram.relocate(LEFT, TOP + waveH + GAP);
    spectrogram.setWidth(w);
    spectrogram.setHeight(specH);
    double mw = Math.min(w - 24, 520);
    message.setMaxWidth(mw);
    double mh = message.prefHeight(mw);
    double mpw = Math.min(mw, message.prefWidth(-1));
    message.resizeRelocate(
        LEFT + (w - mpw) / 2, TOP + waveH + GAP + (specH - mh) / 2, mpw, mh);
    redraw();
  }

  private void redraw() {
    drawWaveform();
    drawSpectrogram();
    drawAxes();
  }

  private void drawWaveform() {
    GraphicsContext g = waveform.getGraphicsContext2D();
    double w = waveform.getWidth();
    double h = waveform.getHeight();
    g.setFill(PLOT_BG);
    g.fillRect(0, 0, w, h);
    double mid = h / 2;
    g.setStroke(Color.web("#3a3a46"));
    g.setLineWidth(1);
    g.strokeLine(0, Math.floor(mid) + 0.5, w, Math.floor(mid) + 0.5);
    if (envelope == null) {
      return;
    }
    double half = h / 2 - 2;
    int columns = (int) w;
    g.setStroke(WAVE);
    for (int x = 0; x < columns; x++) {
      float[] mm = envelope.column(x, columns);
      double y1 = mid - mm[1] * half;
      double y2 = mid - mm[0] * half;
      g.strokeLine(x + 0.5, y1, x + 0.5, Math.max(y2, y1 + 1));
    }
  }

  private void drawSpectrogram() {
    GraphicsContext g = spectrogram.getGraphicsContext2D();
    double w = spectrogram.getWidth();
    double h = spectrogram.getHeight();
    g.setFill(PLOT_BG);
    g.fillRect(0, 0, w, h);
    if (image != null) {
      // Smoothing on: a 1 s clip has ~100 frames, and nearest-neighbour blocks ten pixels wide
      // read as structure that is not in the signal.
      g.setImageSmoothing(true);
      g.drawImage(image, 0, 0, w, h);
    }
  }

  private void drawAxes() {
    GraphicsContext g = axes.getGraphicsContext2D();
    g.clearRect(0, 0, axes.getWidth(), axes.getHeight());
    g.setFont(FONT);
    g.setFill(INK);
    g.setStroke(INK);
    g.setLineWidth(1);
    double x0 = LEFT;
    double w = spectrogram.getWidth();
    double waveTop = TOP;
    double waveH = waveform.getHeight();
    double specTop = spectrogram.getLayoutY();
    double specH = spectrogram.getHeight();
    double specBottom = specTop + specH;

    // Amplitude: -1, 0, 1 beside the waveform.
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (int a = -1; a <= 1; a++) {
      double y = Math.floor(waveTop + waveH / 2 - a * (waveH / 2 - 2)) + 0.5;
      g.strokeLine(x0 - 5, y, x0, y);
      g.fillText(a == 0 ? "0" : a > 0 ? "1" : "−1", x0 - 8, y);
    }
    if (spec == null) {
      return;
    }
    // Frequency: round Hz values at the rows of the mel bands that hold them.
    MelAxis mel = new MelAxis(spec.nMels(), spec.fmin(), spec.effectiveFmax(), MelScale::hzToMel);
    for (Tick t : mel.ticks(specH, 16)) {
      double y = Math.floor(specBottom - t.fraction() * specH) + 0.5;
      g.strokeLine(x0 - 5, y, x0, y);
      g.fillText(t.label(), x0 - 8, Math.max(specTop + 6, Math.min(specBottom - 6, y)));
    }
    g.save();
    g.translate(12, specTop + specH / 2);
    g.rotate(-90);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText("frequency (Hz)", 0, 0);
    g.restore();

    // Time: ticks under both plots, labels under the spectrogram.
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    List<Tick> ticks = TimeAxis.ticks(duration, w, 64);
    for (Tick t : ticks) {
      double x = Math.floor(x0 + t.fraction() * w) + 0.5;
      g.strokeLine(x, specBottom, x, specBottom + 5);
      g.strokeLine(x, waveTop + waveH, x, waveTop + waveH + 4);
      g.fillText(t.label(), Math.min(x, x0 + w - 8), specBottom + 7);
    }
    g.fillText("time (s)", x0 + w / 2, specBottom + 24);

    if (raster != null) {
      drawColourBar(g, x0 + w + 10, specTop, specH);
    }
  }

  /** The colour scale: the clip's loudest cell at the top, down to the bottom of the range. */
  private void drawColourBar(GraphicsContext g, double x, double top, double h) {
    double bw = 10;
    for (int i = 0; i < h; i++) {
      int c = raster.colorMap().argb(1 - i / h);
      g.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
      g.fillRect(x, top + i, bw, 1);
    }
    g.setFill(INK);
    g.setStroke(INK);
    g.strokeRect(x + 0.5, Math.floor(top) + 0.5, bw, Math.floor(h) - 1);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double range = raster.maxDb() - raster.minDb();
    for (int db = 0; db <= range + 1e-9; db += 20) {
      double y = Math.floor(top + db / range * (h - 1)) + 0.5;
      g.strokeLine(x + bw, y, x + bw + 3, y);
      g.fillText(db == 0 ? "0 dB" : "−" + db, x + bw + 5, Math.max(top + 6, Math.min(top + h - 6, y)));
    }
  }
}
