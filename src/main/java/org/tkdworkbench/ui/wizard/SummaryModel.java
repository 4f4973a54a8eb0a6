package org.tkdworkbench.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.noisy.NoisyKeywordBuilder;
import org.tkdworkbench.data.noisy.NoisySpec;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;

/**
 * The summary page's state: one job that indexes the source, builds the noisy variant when asked,
 * and totals the import report of the dataset that will be registered; then the registration.
 *
 * <p>Coming back to the page with the same choices shows the finished report again instead of
 * redoing it; different choices start over (latest wins: a stale job's result is dropped).
 */
public final class SummaryModel {
  /** What to import. {@code noisy} is null for the dataset as it is. */
  public record Request(Path root, Layout layout, LayoutOptions options, NoisyRequest noisy) {}

  /** A noisy variant to build first: its settings, noise folder and output folder. */
  public record NoisyRequest(NoisySpec spec, Path noiseFolder, Path output) {}

  /**
   * A finished summary: the dataset to register (the noisy variant when one was built), its report
   * and fingerprint, and the builder's result (null without a variant).
   */
  public record Outcome(
      Request request,
      DatasetIndex index,
      ImportReport report,
      String fingerprint,
      NoisyKeywordBuilder.Result noisy) {}

  private final WizardServices services;
  private final JobRunner runner;
  private final Executor fx;
  private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final ReadOnlyBooleanWrapper registering = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<RegisteredDataset> registered = new ReadOnlyObjectWrapper<>();
  private final BooleanBinding canFinish;
  private long generation;
  private JobHandle<?> job;
  private Request current;
  private Path built;

  SummaryModel(WizardServices services, JobRunner runner, Executor fx) {
    this.services = services;
    this.runner = runner;
    this.fx = fx;
    canFinish =
        Bindings.createBooleanBinding(
            () ->
                outcome.get() != null
                    && !outcome.get().index().clips().isEmpty()
                    && !running.get()
                    && !registering.get()
                    && registered.get() == null
                    && !name.get().isBlank(),
            outcome,
            running,
            registering,
            registered,
            name);
  }

  /** Shows the summary of {@code request}: the finished one if it is the same, else a new job. */
  void start(Request request, String suggestedName) {
    if (request.equals(current) && (running.get() || outcome.get() != null)) {
      return;
    }
    cancel();
    long gen = ++generation;
    current = request;
    outcome.set(null);
    error.set(null);
    name.set(suggestedName);
    running.set(true);
    progress.set(0);
    progressText.set("Starting…");
    Path rebuild = request.noisy() != null && request.noisy().output().equals(built) ? built : null;
    JobHandle<Outcome> h =
        runner.submit(
            "Import report of " + request.root().getFileName(),
            ctx -> new SummaryJob(services, request, rebuild).run(ctx));
    job = h;
    h.result().whenComplete((o, err) -> fx.execute(() -> finished(gen, o, err)));
  }

  private void finished(long gen, Outcome o, Throwable err) {
    if (gen != generation) {
      return;
    }
    running.set(false);
    job = null;
    if (err != null) {
      progress.set(0);
      progressText.set(Problems.isCancellation(err) ? "Cancelled" : "Failed");
      if (!Problems.isCancellation(err)) {
        error.set(
            Problems.describe(
                "Could not import " + current.root() + " as " + current.layout().cliName(), err));
      }
      current = null; // a cancelled or failed summary is redone on the next visit
      return;
    }
    if (o.noisy() != null) {
      built = o.noisy().output();
    }
    progress.set(1);
    progressText.set("Done");
    outcome.set(o);
    if (o.index().clips().isEmpty()) {
      error.set("No clip of " + o.index().root() + " could be read: nothing to register. The refused files say why.");
    }
  }

  /** Reads the running job's progress; the view calls this on a ~10 Hz timer. */
  public void pollProgress() {
    JobHandle<?> h = job;
    if (h != null && running.get()) {
      JobHandle.Progress p = h.progress();
      progress.set(p.fraction() < 0 ? -1 : p.fraction());
      progressText.set(p.message());
    }
  }

  /** Stops a running summary or registration; a finished summary is kept for the next visit. */
  public void cancel() {
    generation++;
    if (job != null) {
      job.cancel();
      job = null;
    }
    if (running.get()) {
      running.set(false);
      current = null;
      progressText.set("Cancelled");
    }
    registering.set(false);
  }

  /** Registers the summarised dataset with {@code features}; {@link #registeredProperty} tells. */
  public void register(FeatureSpec features) {
    Outcome o = outcome.get();
    if (!canFinish.get() || features == null) {
      return;
    }
    DatasetIndex index = o.index();
    RegisteredDataset entry = RegisteredDataset.of(name.get(), index, features, o.fingerprint());
    long gen = ++generation;
    registering.set(true);
    error.set(null);
    JobHandle<RegisteredDataset> h =
        runner.submit("Registering " + entry.name(), ctx -> services.register(entry));
    job = h;
    h.result()
        .whenComplete(
            (stored, err) ->
                fx.execute(
                    () -> {
                      if (gen != generation) {
                        return;
                      }
                      registering.set(false);
                      job = null;
                      if (err != null) {
                        error.set(Problems.describe("Could not register " + entry.name(), err));
                      } else {
                        registered.set(stored);
                      }
                    }));
  }

  /**
   * The folder of a noisy variant built here and not registered, or null: Cancel removes it. Null
   * too while a registration is under way, which may yet store it.
   */
  Path unregisteredBuild() {
    return registered.get() == null && !registering.get() ? built : null;
  }

  /** The folder this wizard built (and so may rebuild), or null. */
  Path builtOutput() {
    return built;
  }

  public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** 0..1, or -1 while the amount of work is unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** Why the summary or registration failed, in a sentence, or null. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The name the dataset is registered under. */
  public StringProperty nameProperty() {
    return name;
  }

  public ReadOnlyBooleanProperty registeringProperty() {
    return registering.getReadOnlyProperty();
  }

  /** The stored registry entry once Finish has registered it. */
  public ReadOnlyObjectProperty<RegisteredDataset> registeredProperty() {
    return registered.getReadOnlyProperty();
  }

  public BooleanBinding canFinishProperty() {
    return canFinish;
  }

  /** The facts the page shows, or null before a summary. */
  public ReportFacts facts() {
    Outcome o = outcome.get();
    return o == null ? null : ReportFacts.of(o);
  }

  static List<String> firstFew(List<?> items, int n) {
    return items.stream().limit(n).map(Object::toString).toList();
  }
}
