package org.tkdworkbench.ui.inspector;

import java.awt.image.RenderedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javax.imageio.ImageIO;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.noisy.KeywordSpan;
import org.tkdworkbench.data.noisy.KeywordSpans;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.models.TeacherSpec;
import org.tkdworkbench.ui.browser.ClipAnalysis;
import org.tkdworkbench.ui.browser.ClipAnalyzer;
import org.tkdworkbench.ui.browser.ClipFilter;
import org.tkdworkbench.ui.browser.ClipRow;
import org.tkdworkbench.ui.browser.Failures;
import org.tkdworkbench.ui.browser.PlaybackViewModel;
import org.tkdworkbench.ui.plot.ColorMap;
import org.tkdworkbench.ui.plot.SpectrogramRaster;
import org.tkdworkbench.ui.plot.SpectrogramRenderer;

/**
 * State and commands of the attention inspector, without a single {@code Node}.
 *
 * <p>Selecting a clip runs one job: decode and display spectrogram (the clip browser's analyzer),
 * the teacher's features, <em>one</em> inference (kept in a small per-clip cache), then rollout and
 * the heatmap pixels. Changing the method, head fusion or layer runs only the rollout and pixels on
 * the cached output. Both are latest-wins: a generation counter per kind of request, the previous
 * job cancelled, stale results dropped. All methods and property changes happen on {@code fx}.
 */
public final class InspectorViewModel {
  private static final int CACHED_OUTPUTS = 16;
  static final String CHOOSE_TEACHER = "Choose a teacher to see its attention.";

  private final JobRunner runner;
  private final ClipFeatures features;
  private final ClipAnalyzer analyzer;
  private final AttentionMaps maps;
  private final Executor fx;
  private final PlaybackViewModel playback;

  private final TeacherChooser chooser;
  private final ObservableList<ClipRow> rows = FXCollections.observableArrayList();
  private final FilteredList<ClipRow> visibleRows = new FilteredList<>(rows);
  private final StringProperty filterText = new SimpleStringProperty(this, "filter", "");
  private final ObjectProperty<RolloutMethod> method =
      new SimpleObjectProperty<>(this, "method", RolloutMethod.ROLLOUT);
  private final ObjectProperty<HeadFusion> fusion =
      new SimpleObjectProperty<>(this, "fusion", HeadFusion.MEAN);
  private final ObjectProperty<Integer> layer = new SimpleObjectProperty<>(this, "layer", 0);
  private final ReadOnlyObjectWrapper<ClipRow> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClipAnalysis> analysis = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SpectrogramRaster> raster = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<AttentionView> attention = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<KeywordSpan> span = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>();
  private final ObjectBinding<SpanCheck> spanCheck =
      Bindings.createObjectBinding(() -> SpanCheck.of(attention.get(), span.get()), attention, span);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(CHOOSE_TEACHER);
  private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

  private final Map<String, TeacherOutput> outputs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TeacherOutput> e) {
          return size() > CACHED_OUTPUTS;
        }
      };
  private Map<String, KeywordSpan> spans = Map.of();
  private long datasetGen;
  private long selectGen;
  private long recomputeGen;
  private JobHandle<?> selectJob;
  private JobHandle<?> recomputeJob;

  public InspectorViewModel(
      JobRunner runner,
      TeacherSource teachers,
      ClipFeatures features,
      ClipAnalyzer analyzer,
      AttentionMaps maps,
      PlaybackOutput output,
      Executor fx) {
    this.runner = runner;
    this.features = features;
    this.analyzer = analyzer;
    this.maps = maps;
    this.fx = fx;
    this.playback = new PlaybackViewModel(output, fx, t -> showMessage(t, false));
    filterText.addListener((o, a, b) -> visibleRows.setPredicate(ClipFilter.of(b, null, null)));
    this.chooser =
        new TeacherChooser(runner, teachers, fx, this::showMessage, this::teacherChanged);
    method.addListener((o, a, b) -> recompute());
    fusion.addListener((o, a, b) -> recompute());
    layer.addListener((o, a, b) -> recompute());
  }

  // ---- teachers ---------------------------------------------------------------------------

  /** Lists the workspace's teachers in the background; picks the first if none is chosen. */
  public void refreshTeachers() {
    chooser.refresh();
  }

  /** Opens a teacher folder chosen by the user (it need not be in the workspace). */
  public void openTeacherFolder(Path folder) {
    chooser.open(folder);
  }

  /** The teacher changed (null: the chosen one could not be opened): show the clip with it. */
  private void teacherChanged(AttentionTeacher t) {
    clearOutputs();
    if (t == null) {
      return;
    }
    layer.set(t.spec().config().layers() - 1); // the head heatmap starts on the last layer
    ClipRow row = selected.get();
    if (row != null) {
      selected.set(null);
      select(row);
    } else {
      showMessage(
          "Teacher " + chooser.folderProperty().get().getFileName() + ": select a clip.", false);
    }
  }

  // ---- dataset ----------------------------------------------------------------------------

  /** Shows the clips of {@code index}; reads its {@code keyword_spans.csv} in the background. */
  public void setDataset(DatasetIndex index) {
    long gen = ++datasetGen;
    clearSelection();
    outputs.clear(); // clip ids repeat across datasets (a noisy variant keeps its source's ids)
    spans = Map.of();
    rows.setAll(index == null ? List.of() : index.clips().stream().map(ClipRow::new).toList());
    if (index == null) {
      return;
    }
    Path csv = index.root().resolve(KeywordSpans.FILE_NAME);
    runner
        .submit(
            "Reading keyword spans",
            ctx ->
                Files.isRegularFile(csv) ? KeywordSpans.read(csv) : Map.<String, KeywordSpan>of())
        .result()
        .whenComplete(
            (read, err) ->
                fx.execute(
                    () -> {
                      if (gen != datasetGen) {
                        return;
                      }
                      if (err != null) {
                        showMessage("Keyword spans not shown: " + describe(err), true);
                        return;
                      }
                      spans = read;
                      ClipRow row = selected.get();
                      span.set(row == null ? null : read.get(row.clip().id()));
                    }));
  }

  // ---- selection --------------------------------------------------------------------------

  /** Shows {@code row}: decode, one inference (unless cached), rollout, pixels; latest wins. */
  public void select(ClipRow row) {
    if (row == null || row == selected.get()) {
      return;
    }
    playback.stop();
    selected.set(row);
    span.set(spans.get(row.clip().id()));
    long gen = ++selectGen;
    recomputeGen++;
    cancel(selectJob);
    cancel(recomputeJob);
    loading.set(true);
    Clip clip = row.clip();
    AttentionTeacher t = chooser.teacher();
    TeacherSpec s = t == null ? null : t.spec();
    Selectors sel = selectors();
    TeacherOutput cached = outputs.get(clip.id());
    JobHandle<Shown> job =
        runner.submit(
            "Attention of " + clip.id(),
            ctx -> {
              ClipAnalysis a = analyzer.analyze(clip, ctx);
              ctx.checkCancelled();
              SpectrogramRaster r = SpectrogramRenderer.render(a.logMel(), ColorMap.VIRIDIS);
              if (t == null) {
                return new Shown(a, r, null, null, null);
              }
              TeacherOutput out = cached;
              try {
                if (out == null) {
                  float[][] x = features.of(clip, s.features());
                  ctx.checkCancelled();
                  synchronized (t) { // one native model: one inference at a time
                    out = t.infer(x);
                  }
                }
                ctx.checkCancelled();
                AttentionView v = sel.compute(out, s, maps);
                return new Shown(a, r, out, v, null);
              } catch (CancelledException e) {
                throw e;
              } catch (Exception | LinkageError e) {
                return new Shown(a, r, out, null, e); // an output without a view is still cached
              }
            });
    selectJob = job;
    job.result().whenComplete((r, err) -> fx.execute(() -> shown(gen, clip, s, r, err)));
  }

  private void shown(long gen, Clip clip, TeacherSpec s, Shown r, Throwable err) {
    if (gen != selectGen) {
      return;
    }
    loading.set(false);
    if (err != null) {
      if (!Failures.isCancellation(err)) {
        analysis.set(null);
        raster.set(null);
        attention.set(null);
        prediction.set(null);
        showMessage(Failures.describe(clip, Failures.unwrap(err)), true);
      }
      return;
    }
    analysis.set(r.analysis());
    raster.set(r.raster());
    attention.set(r.view());
    if (r.output() != null && chooser.teacher() != null && s == chooser.teacher().spec()) {
      outputs.put(clip.id(), r.output());
      prediction.set(
          Prediction.of(r.output().logits(), s.classes(), s.multiLabel(), clip.labels()));
    } else {
      prediction.set(null);
    }
    if (r.view() != null && !selectors().equals(r.view().selectors())) {
      recompute(); // a selector changed while the clip loaded
    }
    if (r.problem() != null) {
      showMessage("The teacher could not read " + clip.id() + ": " + describe(r.problem()), true);
    } else if (s == null) {
      showMessage(CHOOSE_TEACHER, false);
    } else {
      showMessage(null, false);
    }
  }

  /** Selectors changed: rollout and pixels again on the cached output, never a new inference. */
  private void recompute() {
    ClipRow row = selected.get();
    TeacherOutput out = row == null ? null : outputs.get(row.clip().id());
    TeacherSpec s = chooser.teacher() == null ? null : chooser.teacher().spec();
    if (out == null || s == null || loading.get()) {
      return; // a running selection job reads the selectors when it computes
    }
    long gen = ++recomputeGen;
    cancel(recomputeJob);
    Selectors sel = selectors();
    JobHandle<AttentionView> job =
        runner.submit("Attention rollout", ctx -> sel.compute(out, s, maps));
    recomputeJob = job;
    job.result()
        .whenComplete(
            (v, err) ->
                fx.execute(
                    () -> {
                      if (gen != recomputeGen || selected.get() != row) {
                        return;
                      }
                      if (err != null) {
                        if (!Failures.isCancellation(err)) {
                          showMessage("Rollout failed: " + describe(err), true);
                        }
                        return;
                      }
                      attention.set(v);
                    }));
  }

  /** Moves the selection {@code step} rows through the visible list (keyboard stepping). */
  public void step(int step) {
    if (visibleRows.isEmpty()) {
      return;
    }
    int i = visibleRows.indexOf(selected.get());
    int next = i < 0 ? 0 : Math.max(0, Math.min(visibleRows.size() - 1, i + step));
    select(visibleRows.get(next));
  }

  /** Plays the shown clip or stops it. */
  public void togglePlay() {
    ClipAnalysis a = analysis.get();
    if (playback.playingProperty().get()) {
      playback.stop();
    } else if (a != null && !loading.get()) {
      playback.toggle(a.samples(), a.sampleRate());
    }
  }

  /** Writes {@code image} (a snapshot of the panel) to {@code file} as PNG in the background. */
  public void exportPng(RenderedImage image, Path file) {
    runner
        .submit(
            "Exporting " + file.getFileName(),
            ctx -> {
              Path tmp = file.resolveSibling(file.getFileName() + ".part");
              if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new java.io.IOException("no PNG writer");
              }
              return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            })
        .result()
        .whenComplete(
            (p, err) ->
                fx.execute(
                    () ->
                        showMessage(
                            err == null
                                ? "Saved " + file
                                : "Could not save " + file + ": " + describe(err),
                            err != null)));
  }

  /** Stops playback, cancels jobs and closes the teacher; the app is closing. */
  public void dispose() {
    datasetGen++;
    clearSelection();
    chooser.dispose();
  }

  // ---- helpers ----------------------------------------------------------------------------

  private Selectors selectors() {
    return new Selectors(method.get(), fusion.get(), layer.get() == null ? 0 : layer.get());
  }

  record Selectors(RolloutMethod method, HeadFusion fusion, int layer) {
    AttentionView compute(TeacherOutput out, TeacherSpec s, AttentionMaps maps) {
      return AttentionView.compute(out, s.tokenPeriodSeconds(), method, fusion, layer, maps);
    }
  }

  private record Shown(
      ClipAnalysis analysis,
      SpectrogramRaster raster,
      TeacherOutput output,
      AttentionView view,
      Throwable problem) {}

  private void clearSelection() {
    playback.stop();
    selectGen++;
    recomputeGen++;
    cancel(selectJob);
    cancel(recomputeJob);
    selected.set(null);
    analysis.set(null);
    raster.set(null);
    attention.set(null);
    prediction.set(null);
    span.set(null);
    loading.set(false);
  }

  private void clearOutputs() {
    outputs.clear();
    attention.set(null);
    prediction.set(null);
  }

  private void showMessage(String text, boolean isError) {
    message.set(text);
    error.set(text != null && isError);
  }

  private static void cancel(JobHandle<?> job) {
    if (job != null) {
      job.cancel();
    }
  }

  static String describe(Throwable err) {
    Throwable e = Failures.unwrap(err);
    if (e instanceof UnsupportedOperationException) {
      return "not available in this build yet (" + e.getMessage() + ")";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  // ---- properties -------------------------------------------------------------------------

  public ObservableList<Path> teacherFolders() {
    return chooser.folders();
  }

  public ObjectProperty<Path> teacherFolderProperty() {
    return chooser.folderProperty();
  }

  public ReadOnlyObjectProperty<TeacherSpec> specProperty() {
    return chooser.specProperty();
  }

  public ObservableList<ClipRow> rows() {
    return rows;
  }

  public FilteredList<ClipRow> visibleRows() {
    return visibleRows;
  }

  public StringProperty filterTextProperty() {
    return filterText;
  }

  public ObjectProperty<RolloutMethod> methodProperty() {
    return method;
  }

  public ObjectProperty<HeadFusion> fusionProperty() {
    return fusion;
  }

  /** Layer indices 0..L−1 of the open teacher, for the head heatmap's chooser. */
  public ObservableList<Integer> layerChoices() {
    return chooser.layers();
  }

  public ObjectProperty<Integer> layerProperty() {
    return layer;
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

  public ReadOnlyObjectProperty<AttentionView> attentionProperty() {
    return attention.getReadOnlyProperty();
  }

  /** The selected clip's true keyword span, or null when the dataset has none for it. */
  public ReadOnlyObjectProperty<KeywordSpan> spanProperty() {
    return span.getReadOnlyProperty();
  }

  /** The shown curve's peak against the clip's keyword span; null without a curve or a span. */
  public ObservableValue<SpanCheck> spanCheckProperty() {
    return spanCheck;
  }

  public ReadOnlyObjectProperty<Prediction> predictionProperty() {
    return prediction.getReadOnlyProperty();
  }

  /**
   * A hint, progress or an error for the view's message line; null when there is nothing to say.
   */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public PlaybackViewModel playback() {
    return playback;
  }
}
