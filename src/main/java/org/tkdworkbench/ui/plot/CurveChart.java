package org.tkdworkbench.ui.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javafx.scene.Node;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart-FX line chart of curves that are replaced as a whole: {@link #show} swaps every
 * series with the chart's notifications off and fires once, so one update is one redraw. With
 * smoothing, each curve is drawn twice: the raw points faint behind, the smoothed line on top (as
 * TensorBoard does), and only the smoothed one in the legend.
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

  private final JFreeChart chart;
  private final XYSeriesCollection data = new XYSeriesCollection();
  private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
  private final ChartViewer viewer;
  private int redraws;

  public CurveChart(String title, String xLabel, String yLabel) {
    chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, true, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(13f));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRenderer(renderer);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    chart.addChangeListener(e -> redraws++);
    viewer = new ChartViewer(chart);
    viewer.getProperties().put(CurveChart.class, this); // so tests and views can find the chart behind a node
  }

  /** The chart's node. */
  public Node node() {
    return viewer;
  }

  /** The chart (for tests and export). */
  public JFreeChart chart() {
    return chart;
  }

  /** How many change events the chart fired: one per {@link #show}. */
  public int redraws() {
    return redraws;
  }

  /** Replaces every curve; {@code smoothing} in [0, 1) as in {@link Smoothing#ema}. One redraw. */
  public void show(List<Line> lines, double smoothing) {
    chart.setNotify(false);
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
      chart.setNotify(true);
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

  private static XYSeries series(String key, double[] x, double[] y) {
    XYSeries s = new XYSeries(key, false, true);
    for (int k = 0; k < x.length; k++) {
      s.add(x[k], Double.isNaN(y[k]) ? null : y[k], false);
    }
    return s;
  }
}
