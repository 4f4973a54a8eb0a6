package org.tkdworkbench.ui.browser;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.ui.plot.ColorMap;
import org.tkdworkbench.ui.plot.SpectrogramRaster;
import org.tkdworkbench.ui.plot.SpectrogramRenderer;

/**
 * State and commands of the clip browser, without a single {@code Node}.
 *
 * <p>Every slow step runs as a job: reading durations (batched into the table every ~100 ms, so
 * thousands of clips cost a handful of UI updates), decoding and computing the spectrogram of the
 * selected clip, and recolouring it. Selection and recolouring are <em>latest wins</em>: each
 * request bumps a generation counter and cancels the previous job, and a result is applied only if
 * its generation is still current, so a slow, stale clip can never replace a newer one. All
 * methods and property changes happen on the {@code fx} executor's thread (the FX thread in the
 * app, the test thread in tests); jobs hand results back through it.
 */
public final class ClipBrowserViewModel {
  private final JobRunner runner;
  private final DurationProbe probe;
  private final ClipAnalyzer analyzer;
  private final Executor fx;

  private final ObservableList<ClipRow> rows = FXCollections.observableArrayList();
  private final FilteredList<ClipRow> visibleRows = new FilteredList<>(rows);
  private final ObservableList<String> labels = FXCollections.observableArrayList();
  private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
  private final ObjectProperty<String> labelFilter = new SimpleObjectProperty<>(this, "label");
  private final ObjectProperty<Split> splitFilter = new SimpleObjectProperty<>(this, "split");
  private final ObjectProperty<ColorMap> colorMap =
      new SimpleObjectProperty<>(this, "colorMap", ColorMap.VIRIDIS);
  private final ReadOnlyObjectWrapper<DatasetIndex> dataset = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClipRow> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClipAnalysis> analysis = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SpectrogramRaster> raster = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message =
      new ReadOnlyStringWrapper("Select a clip to see its waveform and spectrogram.");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("No dataset");
  private final BooleanBinding canPlay;
  private final PlaybackViewModel playback;

  private long datasetGeneration;
  private long selectGeneration;
  private long renderGeneration;
  private JobHandle<?> probeJob;
  private JobHandle<?> analysisJob;
  private JobHandle<?> renderJob;

  /**
   * @param runner runs all background work
   * @param probe reads durations for the table
   * @param analyzer decodes and analyses the selected clip
   * @param output where clips are played
   * @param fx the thread that owns this model's properties ({@code Platform::runLater} in the app)
   */
  public ClipBrowserViewModel(
      JobRunner runner,
      DurationProbe probe,
      ClipAnalyzer analyzer,
      PlaybackOutput output,
      Executor fx) {
    this.runner = runner;
    this.probe = probe;
    this.analyzer = analyzer;
    this.fx = fx;
    filterText.addListener((o, a, b) -> refilter());
    labelFilter.addListener((o, a, b) -> refilter());
    splitFilter.addListener((o, a, b) -> refilter());
    visibleRows.addListener((ListChangeListener<ClipRow>) c -> recount());
    colorMap.addListener((o, a, b) -> recolour());
    playback = new PlaybackViewModel(output, fx, status::set);
    canPlay = analysis.isNotNull().and(loading.not());
  }

  // ---- dataset and table ---------------------------------------------------------------

  /** Shows {@code index}: fills the table at once and starts reading durations behind it. */
  public void setDataset(DatasetIndex index) {
    long gen = ++datasetGeneration;
    cancel(probeJob);
    clearSelection();
    dataset.set(index);
    List<ClipRow> fresh = index.clips().stream().map(ClipRow::new).toList();
    rows.setAll(fresh);
    labels.setAll(index.labels());
    if (labelFilter.get() != null && !labels.contains(labelFilter.get())) {
      labelFilter.set(null);
    }
    recount();
    status.set(index.summary());
    DurationReader reader = new DurationReader(probe, fx, () -> gen == datasetGeneration);
    JobHandle<Integer> job =
        runner.submit("Reading clip durations", ctx -> reader.readAll(fresh, ctx));
    probeJob = job;
    job.result()
        .whenComplete((bad, err) -> fx.execute(() -> durationsRead(gen, fresh.size(), bad, err)));
  }

  private void durationsRead(long gen, int n, Integer bad, Throwable err) {
    if (gen != datasetGeneration || Failures.isCancellation(err)) {
      return;
    }
    if (err != null) {
      status.set("Could not read durations: " + Failures.describe(Failures.unwrap(err)));
    } else if (bad == 0) {
      status.set("Read the durations of " + n + " clips");
    } else {
      status.set(
          "Read the durations of "
              + n
              + " clips; "
              + bad
              + " unreadable (hover the duration for the reason)");
    }
  }

  /** No dataset to show: empties the table and says why over the plot. */
  public void setDatasetProblem(String text) {
    datasetGeneration++;
    cancel(probeJob);
    clearSelection();
    dataset.set(null);
    rows.clear();
    labels.clear();
    recount();
    message.set(text);
    status.set(text);
  }

  private void refilter() {
    visibleRows.setPredicate(
        ClipFilter.of(filterText.get(), labelFilter.get(), splitFilter.get()));
    recount();
  }

  private void recount() {
    DatasetIndex index = dataset.get();
    countText.set(
        index == null
            ? "No dataset"
            : visibleRows.size() == rows.size()
                ? rows.size() + " clips"
                : visibleRows.size() + " of " + rows.size() + " clips");
  }

  // ---- selection, analysis and colour ---------------------------------------------------

  /** Shows {@code row}: decodes it and draws its spectrogram in the background (latest wins). */
  public void select(ClipRow row) {
    if (row == null || (row == selected.get() && !failed.get())) {
      return;
    }
    playback.stop();
    selected.set(row);
    long gen = ++selectGeneration;
    cancel(analysisJob);
    cancel(renderJob);
    loading.set(true);
    failed.set(false);
    message.set(analysis.get() == null ? "Decoding " + row.clip().id() + "…" : null);
    ColorMap map = colorMap.get();
    Clip clip = row.clip();
    status.set("Decoding " + clip.id() + "…");
    JobHandle<Rendered> job =
        runner.submit(
            "Spectrogram of " + clip.id(),
            ctx -> {
              ClipAnalysis a = analyzer.analyze(clip, ctx);
              ctx.checkCancelled();
              return new Rendered(a, SpectrogramRenderer.render(a.logMel(), map));
            });
    analysisJob = job;
    job.result().whenComplete((r, err) -> fx.execute(() -> onAnalysed(gen, clip, r, err)));
  }

  private void onAnalysed(long gen, Clip clip, Rendered result, Throwable err) {
    if (gen != selectGeneration) {
      return; // a newer selection owns the view; this result is stale
    }
    loading.set(false);
    if (err != null) {
      if (Failures.isCancellation(err)) {
        return;
      }
      String text = Failures.describe(clip, Failures.unwrap(err));
      analysis.set(null);
      raster.set(null);
      failed.set(true);
      message.set(text);
      status.set(text);
      return;
    }
    renderGeneration++; // drop recolourings of the previous clip still in flight
    analysis.set(result.analysis());
    raster.set(result.raster());
    failed.set(false);
    message.set(null);
    status.set(
        String.format(
            Locale.ROOT,
            "%s: %s, %s, %.2f s",
            clip.id(),
            clip.label(),
            clip.split().displayName(),
            result.analysis().durationSeconds()));
    if (result.raster().colorMap() != colorMap.get()) {
      recolour();
    }
  }

  /** Re-colours the current spectrogram without recomputing features (latest wins). */
  private void recolour() {
    ClipAnalysis a = analysis.get();
    if (a == null) {
      return;
    }
    ColorMap map = colorMap.get();
    long gen = ++renderGeneration;
    cancel(renderJob);
    JobHandle<SpectrogramRaster> job =
        runner.submit("Colouring spectrogram", ctx -> SpectrogramRenderer.render(a.logMel(), map));
    renderJob = job;
    job.result()
        .whenComplete(
            (r, err) ->
                fx.execute(
                    () -> {
                      if (r != null && gen == renderGeneration && analysis.get() == a) {
                        raster.set(r);
                      }
                    }));
  }

  private void clearSelection() {
    playback.stop();
    selectGeneration++;
    renderGeneration++;
    cancel(analysisJob);
    cancel(renderJob);
    selected.set(null);
    analysis.set(null);
    raster.set(null);
    loading.set(false);
    failed.set(false);
    message.set("Select a clip to see its waveform and spectrogram.");
  }

  // ---- playback --------------------------------------------------------------------------

  /** Plays the shown clip, or stops it if it is playing; does nothing while a clip loads. */
  public void togglePlay() {
    if (playback.playingProperty().get()) {
      playback.stop();
    } else if (canPlay.get()) {
      ClipAnalysis a = analysis.get();
      playback.toggle(a.samples(), a.sampleRate());
    }
  }

  public PlaybackViewModel playback() {
    return playback;
  }

  /** Cancels this view's jobs and stops playback; the view is going away. */
  public void dispose() {
    datasetGeneration++;
    cancel(probeJob);
    clearSelection();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private static void cancel(JobHandle<?> job) {
    if (job != null) {
      job.cancel();
    }
  }

  /** The result of one selection job. */
  private record Rendered(ClipAnalysis analysis, SpectrogramRaster raster) {}

  // ---- properties -------------------------------------------------------------------------

  public ObservableList<ClipRow> rows() {
    return rows;
  }

  /** The rows that pass the filters, in dataset order; the view sorts on top. */
  public FilteredList<ClipRow> visibleRows() {
    return visibleRows;
  }

  public ObservableList<String> labels() {
    return labels;
  }

  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** Label to show only, or null for all. */
  public ObjectProperty<String> labelFilterProperty() {
    return labelFilter;
  }

  /** Split to show only, or null for all. */
  public ObjectProperty<Split> splitFilterProperty() {
    return splitFilter;
  }

  public ObjectProperty<ColorMap> colorMapProperty() {
    return colorMap;
  }

  public ReadOnlyObjectProperty<DatasetIndex> datasetProperty() {
    return dataset.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ClipRow> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ClipAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<SpectrogramRaster> rasterProperty() {
    return raster.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** True when the selected clip could not be shown; {@link #messageProperty} says why. */
  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** Text over the plot (a hint, progress or an error), or null when the plot speaks for itself. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The latest one-line message for the status bar. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty countTextProperty() {
    return countText.getReadOnlyProperty();
  }

  /** A decoded clip is shown and nothing is loading. */
  public BooleanBinding canPlayProperty() {
    return canPlay;
  }

  @Override
  public String toString() {
    return "ClipBrowserViewModel[" + Objects.toString(selected.get()) + "]";
  }
}
