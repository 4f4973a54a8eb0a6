package org.tkdworkbench.ui.wizard;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
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
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.ui.wizard.SummaryModel.NoisyRequest;
import org.tkdworkbench.ui.wizard.SummaryModel.Request;

/**
 * The dataset wizard's state and commands, without a single {@code Node}: the source, the detected
 * (or chosen) layout, feature settings, the optional noisy variant and the summary, which step is
 * shown and whether the user may go on.
 *
 * <p>The view tells the model which step it shows ({@link #enter}); entering a step starts its work
 * (detection on the layout step, the import report on the summary) and cancels the work of every
 * other step, so going Back stops a running report. All methods run on the {@code fx} executor's
 * thread; jobs hand their results back through it and a stale result is dropped (latest wins).
 */
public final class WizardViewModel {
  /** The wizard's pages, in order. */
  public enum Step {
    SOURCE,
    LAYOUT,
    FEATURES,
    NOISY,
    SUMMARY
  }

  /** Where the dataset comes from. */
  public enum SourceKind {
    SAMPLE,
    FOLDER
  }

  private final WizardServices services;
  private final JobRunner runner;
  private final Executor fx;
  private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.SOURCE);
  private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(this, "source");
  private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
  private final ReadOnlyStringWrapper sourceMessage = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper sampleAvailable = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper detecting = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper detectError = new ReadOnlyStringWrapper();
  private final LayoutSettings layout = new LayoutSettings();
  private final FeatureSettings features = new FeatureSettings(FeatureSpec.defaults());
  private final NoisySettings noisy;
  private final SummaryModel summary;
  private final BooleanBinding canGoNext;
  private final Path sample;
  private Path detectedRoot;
  private Path backgroundNoise;
  private long detectGeneration;
  private JobHandle<?> detectJob;

  public WizardViewModel(WizardServices services, JobRunner runner, Executor fx) {
    this.services = services;
    this.runner = runner;
    this.fx = fx;
    this.sample = services.sample().orElse(null);
    sampleAvailable.set(sample != null);
    sourceKind.set(sample != null ? SourceKind.SAMPLE : SourceKind.FOLDER);
    noisy = new NoisySettings(services.workspaceRoot(), services::usableOutput);
    summary = new SummaryModel(services, runner, fx);
    sourceKind.addListener((o, a, b) -> checkSource());
    folder.addListener((o, a, b) -> checkSource());
    features.specProperty().addListener((o, a, s) -> noisy.setSampleRate(features.sampleRate()));
    checkSource();
    canGoNext =
        Bindings.createBooleanBinding(
            this::computeCanGoNext,
            step,
            sourceMessage,
            detecting,
            detectError,
            layout.detectedProperty(),
            layout.layoutProperty(),
            layout.form().invalidProperty(),
            features.specProperty(),
            noisy.enabledProperty(),
            noisy.specProperty());
  }

  private boolean computeCanGoNext() {
    return switch (step.get()) {
      case SOURCE -> sourceMessage.get() == null;
      case LAYOUT -> !detecting.get()
          && detectError.get() == null
          && layout.detectedProperty().get() != null
          && layout.layoutProperty().get() != null
          && !layout.form().invalidProperty().get();
      case FEATURES -> features.specProperty().get() != null;
      case NOISY -> noisy.ready();
      case SUMMARY -> false;
    };
  }

  // ---- source -----------------------------------------------------------------------------

  private void checkSource() {
    if (sourceKind.get() == SourceKind.SAMPLE) {
      sourceMessage.set(sample == null ? "The bundled sample is not installed here." : null);
      return;
    }
    String text = folder.get() == null ? "" : folder.get().strip();
    if (text.isEmpty()) {
      sourceMessage.set("Choose the dataset's folder.");
      return;
    }
    try {
      Path.of(text);
      sourceMessage.set(null);
    } catch (InvalidPathException e) {
      sourceMessage.set("Not a folder path: " + text);
    }
  }

  /** The chosen dataset folder (absolute), or null while the source page is incomplete. */
  public Path sourceRoot() {
    if (sourceMessage.get() != null) {
      return null;
    }
    Path p = sourceKind.get() == SourceKind.SAMPLE ? sample : Path.of(folder.get().strip());
    return p.toAbsolutePath().normalize();
  }

  /**
   * The source folder's name, with the fold when reading it by speaker folds ({@code
   * sample-fold2of10}): the default name of what is registered and of a noisy variant's folder, so
   * ten folds make ten folders and ten registry entries a person can tell apart.
   */
  private String sourceName() {
    Path root = sourceRoot();
    Path name = root == null ? null : root.getFileName();
    String base = name == null ? "dataset" : name.toString();
    LayoutOptions o = layout.options();
    return o.folds() == null ? base : base + "-fold" + o.testFold() + "of" + o.folds();
  }

  // ---- steps ------------------------------------------------------------------------------

  /** The view shows {@code s}: start its work, stop every other step's. */
  public void enter(Step s) {
    step.set(s);
    if (s != Step.LAYOUT) {
      cancelDetection();
    }
    if (s != Step.SUMMARY) {
      summary.cancel();
    }
    switch (s) {
      case LAYOUT -> {
        Path root = sourceRoot();
        if (root != null && (!root.equals(detectedRoot) || detectError.get() != null)) {
          detect(root);
        }
      }
      case NOISY -> {
        noisy.setReusableOutput(summary.builtOutput());
        noisy.setSource(sourceName(), backgroundNoise);
      }
      case SUMMARY -> summary.start(request(), suggestedName());
      default -> {}
    }
  }

  /** Goes to the next step if the current one allows it; returns whether it moved. */
  public boolean next() {
    if (!canGoNext.get()) {
      return false;
    }
    enter(Step.values()[step.get().ordinal() + 1]);
    return true;
  }

  /** Goes back one step (cancelling the current step's work); returns whether it moved. */
  public boolean back() {
    if (step.get() == Step.SOURCE) {
      return false;
    }
    enter(Step.values()[step.get().ordinal() - 1]);
    return true;
  }

  private void detect(Path root) {
    long gen = ++detectGeneration;
    cancelDetection();
    detectedRoot = root;
    backgroundNoise = null;
    layout.clear();
    detectError.set(null);
    detecting.set(true);
    JobHandle<WizardServices.Detected> h =
        runner.submit("Detecting the layout of " + root.getFileName(), ctx -> services.detect(root));
    detectJob = h;
    h.result()
        .whenComplete(
            (d, err) ->
                fx.execute(
                    () -> {
                      if (gen != detectGeneration) {
                        return;
                      }
                      detecting.set(false);
                      detectJob = null;
                      if (err != null) {
                        detectedRoot = null;
                        detectError.set(Problems.describe("Could not read " + root, err));
                      } else {
                        backgroundNoise = d.backgroundNoise();
                        layout.detected(d.layout(), d.manifest());
                      }
                    }));
  }

  private void cancelDetection() {
    if (detectJob != null) {
      detectJob.cancel();
      detectJob = null;
      detectGeneration++;
      detecting.set(false);
      detectedRoot = null; // detection did not finish: redo it on the next visit
    }
  }

  /** What the summary will import, from the pages as they are now. */
  Request request() {
    NoisyRequest n =
        noisy.enabledProperty().get() && noisy.specProperty().get() != null
            ? new NoisyRequest(noisy.specProperty().get(), noisy.noiseFolder(), noisy.outputFolder())
            : null;
    return new Request(sourceRoot(), layout.layoutProperty().get(), layout.options(), n);
  }

  private String suggestedName() {
    return noisy.enabledProperty().get() && noisy.specProperty().get() != null
        ? noisy.outputFolder().getFileName().toString()
        : sourceName();
  }

  // ---- finish and close --------------------------------------------------------------------

  /** Registers the summarised dataset; {@link #registeredProperty} holds the entry when done. */
  public void finish() {
    summary.register(features.specProperty().get());
  }

  /** The dataset to open once registered: the summarised index (the noisy one when built). */
  public DatasetIndex importedIndex() {
    SummaryModel.Outcome o = summary.outcomeProperty().get();
    return o == null ? null : o.index();
  }

  /**
   * The wizard is closing: cancels every job and, unless the dataset was registered, removes a
   * noisy variant it built (in a job; nothing is left behind by a cancelled import).
   */
  public void close() {
    Path leftover = summary.unregisteredBuild();
    cancelDetection();
    summary.cancel();
    if (leftover != null) {
      runner.submit("Removing " + leftover.getFileName(), ctx -> {
        services.discard(leftover);
        return null;
      });
    }
  }

  // ---- properties ----------------------------------------------------------------------------

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step.getReadOnlyProperty();
  }

  public ObjectProperty<SourceKind> sourceKindProperty() {
    return sourceKind;
  }

  /** The folder typed or chosen for {@link SourceKind#FOLDER}. */
  public StringProperty folderProperty() {
    return folder;
  }

  /** What the source page still needs, or null when it is complete. */
  public ReadOnlyStringProperty sourceMessageProperty() {
    return sourceMessage.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty sampleAvailableProperty() {
    return sampleAvailable.getReadOnlyProperty();
  }

  /** The bundled sample's folder, or null. */
  public Path samplePath() {
    return sample;
  }

  public ReadOnlyBooleanProperty detectingProperty() {
    return detecting.getReadOnlyProperty();
  }

  /** Why the source could not be read, or null. */
  public ReadOnlyStringProperty detectErrorProperty() {
    return detectError.getReadOnlyProperty();
  }

  public LayoutSettings layout() {
    return layout;
  }

  public FeatureSettings features() {
    return features;
  }

  public NoisySettings noisy() {
    return noisy;
  }

  public SummaryModel summary() {
    return summary;
  }

  public ReadOnlyObjectProperty<RegisteredDataset> registeredProperty() {
    return summary.registeredProperty();
  }

  /** The current step is complete and not busy: Next may be pressed. */
  public BooleanBinding canGoNextProperty() {
    return canGoNext;
  }
}
