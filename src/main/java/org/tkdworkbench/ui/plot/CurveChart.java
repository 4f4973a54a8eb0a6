package org.tkdworkbench.ui.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.LoggerFactory;

/**
 * A JFreeChart line chart of curves that are replaced as a whole, drawn off the FX thread.
 *
 * <p>{@link #show} swaps every series with the chart's notifications off (one update, one
 * redraw). The drawing itself — axes, text, lines: 25–60 ms per chart in Prism's software pipeline
 * on two cores busy with training, which made the FX thread miss pulses at every run start — runs
 * on one shared background thread into an image: the painter builds its own chart from the same
 * lines (a JFreeChart clone would share, and listen to, the FX thread's datasets) and the FX thread
 * only swaps the finished image into the view. Requests that pile up while a drawing runs collapse
 * into the latest one, per chart. The FX thread's chart is the model: tests read it, PNG export
 * draws it. The price: the view is a picture, without JFreeChart's tooltips, mouse zoom and
 * context menu (the views have their own PNG/CSV export).
 *
 * <p>With smoothing, each curve is drawn twice: the raw points faint behind, the smoothed line on
 * top (as TensorBoard does), and only the smoothed one in the legend.
 */
public final class CurveChart {
  /**
   * One curve to draw.
   *
   * @param name its legend entry (unique within a chart)
   * @param x the x values
   * @param y the y values (NaN: gap)
   * @param color its colour
   * @param dashed whether it is drawn dashed
   */
  public record Line(String name, double[] x, double[] y, Color color, boolean dashed) {}

  /** Draws every chart's images, one at a time, beside (never instead of) the FX thread. */
  // Below the FX and render threads (nice 0), above training (nice 10): a chart may arrive a
  // little later, a frame may not.
  private static final ExecutorService PAINTER =
      Executors.newSingleThreadExecutor(org.tkdworkbench.jobs.ThreadPriority.daemons("tkd-chart-painter", 5));

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final JFreeChart chart;
  private final XYSeriesCollection data;
  private final Pane view = new Pane();
  private final ImageView image = new ImageView();
  private final AtomicReference<Request> pending = new AtomicReference<>();
  private int redraws;
  private int painted;
  private volatile String paintedOn = "";

  private List<Line> lines = List.of();
  private double smoothing;
  /** While false, nothing is drawn (a hidden section); null = always shown. */
  private javafx.beans.value.ObservableBooleanValue shown;
  /** A drawing was asked for while hidden: made when shown. */
  private boolean paintDue;

  /** A drawing to make: the curves, the size to lay them out at and the pixel scale of the screen. */
  private record Request(List<Line> lines, double smoothing, int width, int height, double scale) {}

  public CurveChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    chart = newChart();
    data = (XYSeriesCollection) chart.getXYPlot().getDataset();
    chart.addChangeListener(e -> redraws++);
    view.getChildren().add(image);
    view.setMinSize(0, 0);
    view.setPrefSize(400, 250);
    view.setStyle("-fx-background-color: white;");
    javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
    clip.widthProperty().bind(view.widthProperty());
    clip.heightProperty().bind(view.heightProperty());
    view.setClip(clip); // an image drawn for a larger size never spills over its neighbours
    // The image is drawn at the view's size; a resize draws it again (latest size wins).
    view.widthProperty().addListener((o, a, b) -> repaint());
    view.heightProperty().addListener((o, a, b) -> repaint());
    view.getProperties().put(CurveChart.class, this); // so tests and views can find the chart behind a node
  }

  /** The chart's node. */
  public Node node() {
    return view;
  }

  /** The chart (for tests and export); the FX thread's own copy, never the one being drawn. */
  public JFreeChart chart() {
    return chart;
  }

  /** How many change events the chart fired: one per {@link #show}. */
  public int redraws() {
    return redraws;
  }

  /** How many drawn images reached the view (FX thread). */
  public int painted() {
    return painted;
  }

  /** The name of the thread that drew the latest image (tests check it is not the FX thread). */
  public String paintedOn() {
    return paintedOn;
  }

  /**
   * Draws only while {@code shown} is true: the sections the shell hides are still laid out, so
   * without this every resize and every new curve of a hidden chart would be drawn for nobody.
   * What was asked for meanwhile is drawn once when it is shown (FX thread).
   */
  public void paintWhile(javafx.beans.value.ObservableBooleanValue shown) {
    this.shown = shown;
    shown.addListener((o, a, now) -> {
      if (now && paintDue) {
        repaint();
      }
    });
  }

  /** Replaces every curve; {@code smoothing} in [0, 1) as in {@link Smoothing#ema}. One redraw. */
  public void show(List<Line> lines, double smoothing) {
    this.lines = List.copyOf(lines);
    this.smoothing = smoothing;
    fill(chart, this.lines, smoothing);
    repaint();
  }

  /** A chart with this one's titles and style, no curves. */
  private JFreeChart newChart() {
    XYSeriesCollection collection = new XYSeriesCollection();
    JFreeChart c = ChartFactory.createXYLineChart(title, xLabel, yLabel, collection, PlotOrientation.VERTICAL, true, false, false);
    c.setBackgroundPaint(Color.WHITE);
    c.getTitle().setFont(c.getTitle().getFont().deriveFont(13f));
    XYPlot plot = c.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRenderer(new XYLineAndShapeRenderer(true, false));
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    return c;
  }

  /** Replaces the curves of {@code c} (made by {@link #newChart}) with notifications off: one change event. */
  private static void fill(JFreeChart c, List<Line> lines, double smoothing) {
    XYSeriesCollection data = (XYSeriesCollection) c.getXYPlot().getDataset();
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
    c.setNotify(false);
    try {
      data.removeAllSeries();
      int i = 0;
      for (Line line : lines) {
        if (smoothing > 0) {
          data.addSeries(series(line.name() + " (raw)", line.x(), line.y()));
          renderer.setSeriesPaint(i, new Color(line.color().getRed(), line.color().getGreen(), line.color().getBlue(), 70));
          renderer.setSeriesStroke(i, new BasicStroke(1f));
          renderer.setSeriesVisibleInLegend(i, false);
          i++;
          data.addSeries(series(line.name(), line.x(), Smoothing.ema(line.y(), smoothing)));
        } else {
          data.addSeries(series(line.name(), line.x(), line.y()));
        }
        renderer.setSeriesPaint(i, line.color());
        renderer.setSeriesStroke(i, line.dashed()
            ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
            : new BasicStroke(2f));
        renderer.setSeriesVisibleInLegend(i, true);
        i++;
      }
    } finally {
      c.setNotify(true);
    }
  }

  /** The series shown now (raw and smoothed). */
  public XYSeriesCollection dataset() {
    return data;
  }

  /** Writes the chart as a PNG of the given size. */
  public void savePng(File file, int width, int height) throws IOException {
    ChartUtils.saveChartAsPNG(file, chart, width, height);
  }

  /** Queues a drawing of the chart as it is now at the view's size (FX thread). */
  private void repaint() {
    if (shown != null && !shown.get()) {
      paintDue = true;
      return;
    }
    paintDue = false;
    int w = (int) Math.floor(view.getWidth());
    int h = (int) Math.floor(view.getHeight());
    if (w < 2 || h < 2) {
      return; // not laid out yet: the size listeners ask again
    }
    // HiDPI: draw at the screen's pixels, show at the layout size.
    double scale = view.getScene() != null && view.getScene().getWindow() != null
        ? Math.max(1, view.getScene().getWindow().getOutputScaleX()) : 1;
    if (pending.getAndSet(new Request(lines, smoothing, w, h, scale)) == null) {
      PAINTER.execute(this::paintLatest);
    }
  }

  /** On the painter thread: draws the latest request, hands the image to the FX thread. */
  private void paintLatest() {
    Request r = pending.getAndSet(null);
    if (r == null) {
      return;
    }
    WritableImage fx;
    try {
      JFreeChart c = newChart();
      fill(c, r.lines(), r.smoothing());
      BufferedImage img = c.createBufferedImage(
          (int) Math.round(r.width() * r.scale()), (int) Math.round(r.height() * r.scale()), r.width(), r.height(), null);
      paintedOn = Thread.currentThread().getName();
      fx = SwingFXUtils.toFXImage(img, null);
    } catch (RuntimeException e) { // keep the painter alive for the next request
      LoggerFactory.getLogger(CurveChart.class).warn("cannot draw the chart '{}': {}", title, e.toString(), e);
      return;
    }
    Platform.runLater(() -> {
      image.setFitWidth(r.width());
      image.setFitHeight(r.height());
      image.setImage(fx);
      painted++;
    });
  }

  private static XYSeries series(String key, double[] x, double[] y) {
    XYSeries s = new XYSeries(key, false, true);
    for (int k = 0; k < x.length; k++) {
      s.add(x[k], Double.isNaN(y[k]) ? null : y[k], false);
    }
    return s;
  }
}
