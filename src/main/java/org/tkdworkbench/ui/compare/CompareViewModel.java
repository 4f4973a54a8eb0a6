package org.tkdworkbench.ui.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.workspace.Json;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.runs.ClipResults;
import org.tkdworkbench.runs.ConfigTable;
import org.tkdworkbench.runs.MetricRow;
import org.tkdworkbench.runs.ParetoFront;
import org.tkdworkbench.runs.ResultsTable;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.ui.browser.ClipAnalysis;
import org.tkdworkbench.ui.browser.ClipAnalyzer;
import org.tkdworkbench.ui.plot.ColorMap;
import org.tkdworkbench.ui.plot.SpectrogramRaster;
import org.tkdworkbench.ui.plot.SpectrogramRenderer;

/**
 * The compare view's state for a selection of runs, all read in one job: overlaid curves of a
 * chosen metric, deltas to a pinned baseline, the config side by side (differences only on
 * request), the Table-2 pivot, accuracy against a chosen cost with the Pareto front, and per clip
 * (from each run's {@code student/clips.csv} and {@code attention.csv}): which clips run A gets
 * right and run B wrong, and one clip's spectrogram with every run's {@code a_S} and the target
 * {@code a_T} on one time axis (the paper's Fig. 2).
 */
public final class CompareViewModel {
  /** The metrics the overlay can show: split and column of {@code metrics.csv}. */
  public static final List<String> METRICS =
      List.of("validation accuracy", "validation map", "validation loss", "train loss", "train loss_cls", "train loss_att", "test accuracy");

  /** The costs the scatter can put on x: summary.json's {@code cost} keys. */
  public static final List<String> COSTS = List.of("macs_per_clip", "parameters", "bytes_int8", "latency_ms");

  /** One run as the compare view holds it. */
  public record Run(RunInfo info, ClipResults.Contents clips) {
    public String name() {
      return info.folder().getFileName().toString();
    }

    /** summary.json's number at {@code path} (dotted), NaN when absent. */
    public double summary(String path) {
      JsonNode n = info.summary();
      for (String k : path.split("\\.")) {
        n = n == null ? null : n.get(k);
      }
      return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** Whether the run has its summary (finished); else its numbers are the best so far. */
    public boolean finished() {
      return info.summary() != null;
    }

    /**
     * The best validation metric: summary.json's, else status.json's best so far (a run still
     * training, interrupted or cancelled can be held against the baseline too).
     */
    public double bestValidation() {
      if (finished()) {
        return summary("validation_metric");
      }
      Double b = info.status() == null ? null : info.status().bestMetric();
      return b == null ? Double.NaN : b;
    }

    /** The test metric at the best validation epoch: summary.json's, else the last test row (one is written at each new best). */
    public double testAtBest() {
      if (finished()) {
        return summary("test_metric");
      }
      List<org.tkdworkbench.runs.MetricRow> rows = info.metrics().rows();
      for (int i = rows.size() - 1; i >= 0; i--) {
        org.tkdworkbench.runs.MetricRow r = rows.get(i);
        if ("test".equals(r.text("split"))) {
          double v = r.number("accuracy");
          return Double.isFinite(v) ? v : r.number("map");
        }
      }
      return Double.NaN;
    }
  }

  /**
   * One row of the deltas table.
   *
   * @param soFar the run has not finished: its numbers are its best so far
   */
  public record Delta(String run, double validation, double test, double dValidation, double dTest, boolean soFar) {}

  /** One curve of the overlay: a run's points of the chosen metric. */
  public record Series(String run, double[] x, double[] y) {}

  /** The per-clip panel's content. */
  public record ClipView(String clipId, double seconds, SpectrogramRaster spectrogram, float[] samples, int sampleRate,
      List<Series> studentCurves, Series target, String targetName) {}

  private final JobRunner jobs;
  private final ClipAnalyzer analyzer;
  private final Executor fx;
  private final ReadOnlyObjectWrapper<List<Run>> runs = new ReadOnlyObjectWrapper<>(this, "runs", List.of());
  private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
  private final StringProperty metric = new SimpleStringProperty(this, "metric", METRICS.get(0));
  private final StringProperty cost = new SimpleStringProperty(this, "cost", COSTS.get(0));
  private final ObjectProperty<String> baseline = new SimpleObjectProperty<>(this, "baseline");
  private final BooleanProperty differencesOnly = new SimpleBooleanProperty(this, "differencesOnly", true);
  private final ObjectProperty<String> runA = new SimpleObjectProperty<>(this, "runA");
  private final ObjectProperty<String> runB = new SimpleObjectProperty<>(this, "runB");
  private final ReadOnlyObjectWrapper<ClipView> clip = new ReadOnlyObjectWrapper<>(this, "clip");
  private final Map<String, DatasetIndex> indexes = new LinkedHashMap<>();
  private long generation;
  private long clipGeneration;

  public CompareViewModel(JobRunner jobs, ClipAnalyzer analyzer, Executor fx) {
    this.jobs = jobs;
    this.analyzer = analyzer;
    this.fx = fx;
  }

  /** Reads {@code folders} in a job; unreadable ones are named in {@link #problemsProperty()}. */
  public void setRuns(List<Path> folders) {
    long gen = ++generation;
    jobs.submit("Reading " + folders.size() + " runs", ctx -> {
      List<Run> read = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Path f : folders) {
        ctx.checkCancelled();
        try {
          RunInfo info = RunStore.read(f);
          ClipResults.Contents c = info.student() == null
              ? new ClipResults.Contents(Map.of(), List.of(f.getFileName() + ": no exported student yet, so no per-clip results"))
              : ClipResults.read(info.student());
          read.add(new Run(info, c));
        } catch (IOException e) {
          errors.add(f.getFileName() + ": " + e.getMessage());
        }
      }
      fx.execute(() -> {
        if (gen != generation) {
          return;
        }
        runs.set(List.copyOf(read));
        problems.set(String.join("\n", errors));
        baseline.set(read.isEmpty() ? null : read.get(0).name());
        runA.set(read.isEmpty() ? null : read.get(0).name());
        runB.set(read.size() < 2 ? null : read.get(1).name());
      });
      return read.size();
    });
  }

  /** Each run's points of {@link #metricProperty()}, by epoch. */
  public List<Series> overlay() {
    String[] m = metric.get().split(" ", 2);
    List<Series> out = new ArrayList<>();
    for (Run r : runs.get()) {
      List<double[]> pts = new ArrayList<>();
      for (MetricRow row : r.info().metrics().rows()) {
        if (row.text("split").equals(m[0]) && row.values().containsKey(m[1])) {
          double y = row.number(m[1]);
          if (!Double.isNaN(y)) {
            pts.add(new double[] {row.number("epoch"), y});
          }
        }
      }
      out.add(new Series(r.name(), pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()));
    }
    return out;
  }

  /** Best validation and test metric of every run, and their differences to the baseline's. */
  public List<Delta> deltas() {
    Run base = find(baseline.get());
    double bv = base == null ? Double.NaN : base.bestValidation();
    double bt = base == null ? Double.NaN : base.testAtBest();
    List<Delta> out = new ArrayList<>();
    for (Run r : runs.get()) {
      double v = r.bestValidation();
      double t = r.testAtBest();
      out.add(new Delta(r.name(), v, t, v - bv, t - bt, !r.finished()));
    }
    return out;
  }

  /** run.json side by side; only the differing keys while {@link #differencesOnlyProperty()}. */
  public List<ConfigTable.Row> config() {
    List<ConfigTable.Row> rows = ConfigTable.of(runs.get().stream().map(r -> (JsonNode) r.info().config()).toList());
    return differencesOnly.get() ? ConfigTable.differencesOnly(rows) : rows;
  }

  /** The paper's Table 2 over the selected finished runs. */
  public List<ResultsTable.Table> table2() {
    return ResultsTable.pivot(ResultsTable.cells(runs.get().stream().map(Run::info).toList()));
  }

  /** Every run as (cost, test metric); see {@link ParetoFront#of} for the front. */
  public List<ParetoFront.Point> points() {
    return runs.get().stream().map(r -> new ParetoFront.Point(r.name(), r.summary("cost." + cost.get()), r.summary("test_metric"))).toList();
  }

  /** Clip ids (validation and test) run A gets right and run B wrong. */
  public List<String> rightInAWrongInB() {
    Run a = find(runA.get());
    Run b = find(runB.get());
    if (a == null || b == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    a.clips().clips().forEach((id, c) -> {
      ClipResults.Clip other = b.clips().clips().get(id);
      if (c.correct() && other != null && !other.correct()) {
        out.add(id);
      }
    });
    return out;
  }

  /**
   * Loads one clip's audio and spectrogram (finding it in run A's dataset) and every run's curves
   * for it, in a job; the latest request wins.
   */
  public void showClip(String clipId) {
    long gen = ++clipGeneration;
    List<Run> all = runs.get();
    Run a = find(runA.get());
    if (a == null || clipId == null) {
      clip.set(null);
      return;
    }
    jobs.submit("Loading clip " + clipId, ctx -> {
      DatasetIndex index = index(a.info().config(), ctx);
      Clip found = index.clips().stream().filter(c -> c.id().equals(clipId)).findFirst()
          .orElseThrow(() -> new IOException(clipId + " is not in " + index.root() + " any more"));
      ClipAnalysis an = analyzer.analyze(found, ctx);
      SpectrogramRaster raster = SpectrogramRenderer.render(an.logMel(), ColorMap.VIRIDIS);
      List<Series> students = new ArrayList<>();
      Series target = null;
      String targetName = null;
      for (Run r : all) {
        ClipResults.Clip c = r.clips().clips().get(clipId);
        if (c == null) {
          continue;
        }
        if (c.student() != null) {
          students.add(new Series(r.name(), c.times(), c.student()));
        }
        if (target == null && c.target() != null && r.info().config().path("lambda").asDouble() > 0) {
          target = new Series(r.name(), c.times(), c.target());
          targetName = "a_T (" + r.info().config().path("target").asText("teacher") + ", as " + r.name() + " was trained on it)";
        }
      }
      ClipView v = new ClipView(clipId, an.durationSeconds(), raster, an.samples(), an.sampleRate(), students, target, targetName);
      fx.execute(() -> {
        if (gen == clipGeneration) {
          clip.set(v);
        }
      });
      return v;
    }).result().whenComplete((v, e) -> {
      if (e != null && !(e.getCause() instanceof CancelledException)) {
        String why = clipId + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        fx.execute(() -> {
          if (gen == clipGeneration) {
            problems.set(why);
          }
        });
      }
    });
  }

  private DatasetIndex index(JsonNode config, org.tkdworkbench.jobs.JobContext ctx) throws IOException {
    String root = config.path("dataset").asText(null);
    if (root == null) {
      throw new IOException("run.json names no dataset");
    }
    String layoutName = config.path("layout").asText("auto");
    LayoutOptions options =
        config.hasNonNull("layout_options")
            ? Json.mapper().treeToValue(config.get("layout_options"), LayoutOptions.class)
            : LayoutOptions.defaults();
    String key = root + "\n" + layoutName + "\n" + options;
    synchronized (indexes) {
      DatasetIndex known = indexes.get(key);
      if (known != null) {
        return known;
      }
    }
    Layout layout = Layout.fromCliName(layoutName).orElse(null);
    DatasetIndex index = Datasets.index(Path.of(root), layout, options, ctx);
    synchronized (indexes) {
      indexes.put(key, index);
    }
    return index;
  }

  private Run find(String name) {
    return runs.get().stream().filter(r -> Objects.equals(r.name(), name)).findFirst().orElse(null);
  }

  public ReadOnlyObjectProperty<List<Run>> runsProperty() {
    return runs.getReadOnlyProperty();
  }

  /** Runs that could not be read and other problems, one per line. */
  public ReadOnlyStringProperty problemsProperty() {
    return problems.getReadOnlyProperty();
  }

  public StringProperty metricProperty() {
    return metric;
  }

  public StringProperty costProperty() {
    return cost;
  }

  public ObjectProperty<String> baselineProperty() {
    return baseline;
  }

  public BooleanProperty differencesOnlyProperty() {
    return differencesOnly;
  }

  public ObjectProperty<String> runAProperty() {
    return runA;
  }

  public ObjectProperty<String> runBProperty() {
    return runB;
  }

  /** The per-clip panel's clip, null before one is chosen. */
  public ReadOnlyObjectProperty<ClipView> clipProperty() {
    return clip.getReadOnlyProperty();
  }
}
