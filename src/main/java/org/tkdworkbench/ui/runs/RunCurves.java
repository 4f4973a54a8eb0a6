package org.tkdworkbench.ui.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tkdworkbench.runs.MetricRow;
import org.tkdworkbench.runs.MetricsTail;

/**
 * A run's metric stream as curves: for each split ({@code train}, {@code validation}, {@code
 * test}) and each column, the points (epoch, value) in file order. Rows arrive through {@link
 * #apply}; a rewound file replaces everything. Plain data, no JavaFX: built on the poller thread,
 * handed to the FX thread as an immutable {@link #snapshot()}.
 */
public final class RunCurves {
  /** The loss columns, in the order the loss chart draws them. */
  public static final List<String> LOSS_COLUMNS = List.of("loss", "loss_cls", "loss_att", "loss_logit");

  /** The metric columns; a run has one of them. */
  public static final List<String> METRIC_COLUMNS = List.of("accuracy", "map");

  /**
   * One curve.
   *
   * @param split the split
   * @param column the column
   * @param x epochs
   * @param y values (NaN where the row had none)
   */
  public record Curve(String split, String column, double[] x, double[] y) {
    /** Whether the curve has any number to draw. */
    public boolean hasData() {
      for (double v : y) {
        if (!Double.isNaN(v)) {
          return true;
        }
      }
      return false;
    }
  }

  private final Map<String, List<double[]>> points = new LinkedHashMap<>();
  private int rows;

  /** Adds what a poll of the metrics file found. */
  public void apply(MetricsTail.Update update) {
    if (update.reset()) {
      points.clear();
      rows = 0;
    }
    for (MetricRow r : update.rows()) {
      add(r);
    }
  }

  private void add(MetricRow r) {
    String split = r.text("split");
    double x = r.number("epoch");
    if (split.isEmpty() || Double.isNaN(x)) {
      return;
    }
    rows++;
    for (String c : r.values().keySet()) {
      if (LOSS_COLUMNS.contains(c) || METRIC_COLUMNS.contains(c)) {
        points.computeIfAbsent(split + "/" + c, k -> new ArrayList<>()).add(new double[] {x, r.number(c)});
      }
    }
  }

  /** Rows taken in so far. */
  public int rows() {
    return rows;
  }

  /** Every curve, copied. */
  public List<Curve> snapshot() {
    List<Curve> out = new ArrayList<>();
    points.forEach(
        (key, list) -> {
          int slash = key.indexOf('/');
          double[] x = new double[list.size()];
          double[] y = new double[list.size()];
          for (int i = 0; i < x.length; i++) {
            x[i] = list.get(i)[0];
            y[i] = list.get(i)[1];
          }
          out.add(new Curve(key.substring(0, slash), key.substring(slash + 1), x, y));
        });
    return out;
  }
}
