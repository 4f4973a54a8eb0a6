package org.tkdworkbench.ui.designer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.distill.AttentionTarget;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillationLoss;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.distill.TrainingConfig;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentCost;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.models.student.StudentSpec;
import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Numbers;
import org.tkdworkbench.ui.runs.Training;

/**
 * The student designer's state: architecture, preset and size knobs, the loss weights, training
 * settings, the teacher, and a sweep grid; every field checked by the core's own {@code validate()}
 * as it is typed (the message beside the field); the cost panel (parameters, MACs, bytes computed
 * at once, latency measured in a job, latest wins) follows the knobs; Launch run / Launch sweep
 * queue jobs on the training queue and hand each new run folder to {@code onCreated}.
 *
 * <p>The student sees the dataset with the default log-mel features (40 mels, 10 ms hop); cost is
 * per clip of the open dataset's first clip's length (1 s until known).
 */
public final class DesignerViewModel {
  /** Measures a student's single-clip latency (ms); the app's runs the engine. */
  @FunctionalInterface
  public interface Latency {
    double millis(StudentSpec spec, int frames, String engine) throws Exception;
  }

  private final Training training;
  private final JobRunner jobs;
  private final Latency latency;
  private final Executor fx;
  private final ObjectProperty<StudentArchitecture> architecture = new SimpleObjectProperty<>(this, "architecture", StudentArchitecture.TC_RESNET);
  private final ObjectProperty<StudentPreset> preset = new SimpleObjectProperty<>(this, "preset", StudentPreset.SMALL);
  private final ObjectProperty<AttentionTarget> target = new SimpleObjectProperty<>(this, "target", AttentionTarget.TEACHER);
  private final ObjectProperty<Path> teacher = new SimpleObjectProperty<>(this, "teacher");
  private final ObservableList<Path> teachers = FXCollections.observableArrayList();
  private final FieldForm student = new FieldForm("student").field("width", "1").field("depth", "0");
  private final FieldForm loss = new FieldForm("loss").field("lambda", "0.25").field("alpha", "0").field("temperature", "2");
  private final FieldForm train;
  private final FieldForm sweep =
      new FieldForm("sweep").field("students", "lstm-p,tc-resnet").field("lambdas", "0,0.1,0.25,0.5").field("seeds", "3");
  private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
  private final ReadOnlyStringWrapper latencyText = new ReadOnlyStringWrapper(this, "latency", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
  private DatasetIndex dataset;
  private double clipSeconds = 1.0;
  private long latencyGeneration;
  private String runProblem;
  private String latencyKey;
  private JobHandle<Double> latencyJob;

  public DesignerViewModel(Training training, JobRunner jobs, Latency latency, Executor fx) {
    this.training = training;
    this.jobs = jobs;
    this.latency = latency;
    this.fx = fx;
    TrainingConfig d = TrainingConfig.defaults();
    train =
        new FieldForm("training")
            .field("epochs", Integer.toString(d.epochs()))
            .field("batch_size", Integer.toString(d.batchSize()))
            .field("learning_rate", Numbers.format(d.learningRate()))
            .field("seed", Long.toString(d.seed()));
    for (FieldForm f : List.of(student, loss, train, sweep)) {
      f.names().forEach(n -> f.value(n).addListener((o, a, b) -> check()));
    }
    architecture.addListener((o, a, b) -> check());
    preset.addListener((o, a, b) -> check());
    target.addListener((o, a, b) -> check());
    teacher.addListener((o, a, b) -> check());
    check();
  }

  /** The dataset runs will train on; {@code clipSeconds} its clips' length (cost is per clip). */
  public void setDataset(DatasetIndex index, double seconds) {
    this.dataset = index;
    if (seconds > 0 && Double.isFinite(seconds)) {
      this.clipSeconds = seconds;
    }
    check();
  }

  /** Replaces the teachers offered (the workspace's), keeping the chosen one when still there. */
  public void setTeachers(List<Path> list) {
    Path keep = teacher.get();
    teachers.setAll(list);
    teacher.set(keep != null && list.contains(keep) ? keep : list.isEmpty() ? null : list.get(0));
  }

  private int frames() {
    FeatureSpec f = FeatureSpec.defaults();
    return 1 + (int) Math.round(clipSeconds * f.sampleRate() / f.hopLength());
  }

  /** What is typed, as the core's records; null when a number does not parse (the field says so). */
  private record Settings(StudentSpec spec, TrainingConfig training, DistillationLoss.Weights weights) {}

  private Optional<Settings> settings(List<String> problems) {
    Double width = Numbers.parseDouble(student.text("width"));
    Integer depth = Numbers.parseInt(student.text("depth"));
    Double lambda = Numbers.parseDouble(loss.text("lambda"));
    Double alpha = Numbers.parseDouble(loss.text("alpha"));
    Double temperature = Numbers.parseDouble(loss.text("temperature"));
    Integer epochs = Numbers.parseInt(train.text("epochs"));
    Integer batch = Numbers.parseInt(train.text("batch_size"));
    Double lr = Numbers.parseDouble(train.text("learning_rate"));
    Long seed = Numbers.parseLong(train.text("seed"));
    int before = problems.size();
    if (width == null) problems.add(student.notANumber("width", "a number"));
    if (depth == null) problems.add(student.notANumber("depth", "a whole number"));
    if (lambda == null) problems.add(loss.notANumber("lambda", "a number"));
    if (alpha == null) problems.add(loss.notANumber("alpha", "a number"));
    if (temperature == null) problems.add(loss.notANumber("temperature", "a number"));
    if (epochs == null) problems.add(train.notANumber("epochs", "a whole number"));
    if (batch == null) problems.add(train.notANumber("batch_size", "a whole number"));
    if (lr == null) problems.add(train.notANumber("learning_rate", "a number"));
    if (seed == null) problems.add(train.notANumber("seed", "a whole number"));
    if (problems.size() > before) {
      return Optional.empty();
    }
    int classes = dataset == null ? 2 : Math.max(1, dataset.labels().size());
    StudentSpec spec = new StudentSpec(architecture.get(), preset.get(), width, depth, FeatureSpec.defaults().nMels(), classes);
    return Optional.of(new Settings(spec, new TrainingConfig(epochs, batch, lr, 0, seed, 0), new DistillationLoss.Weights(lambda, alpha, temperature)));
  }

  /** Re-validates every field, updates the cost panel and starts a latency measurement. */
  private void check() {
    List<String> problems = new ArrayList<>();
    Optional<Settings> s = settings(problems);
    s.ifPresent(x -> {
      problems.addAll(x.spec().validate());
      problems.addAll(x.training().validate());
      problems.addAll(x.weights().validate());
    });
    sweepCells(problems);
    student.show(problems);
    loss.show(problems);
    train.show(problems);
    sweep.show(problems);
    boolean ok = s.isPresent() && problems.isEmpty();
    if (ok && dataset != null) {
      // What only the whole run can say, e.g. that λ > 0 with the teacher's curves needs a teacher.
      List<String> run = config(s.get().spec(), s.get().training(), s.get().weights()).validate();
      if (!run.isEmpty()) {
        runProblem = String.join("; ", run);
        message.set(runProblem);
        ok = false;
      }
    }
    if (ok && runProblem != null) {
      if (runProblem.equals(message.get())) {
        message.set(null); // fixed
      }
      runProblem = null;
    }
    valid.set(ok);
    if (s.isPresent() && s.get().spec().validate().isEmpty()) {
      StudentCost c = StudentCost.of(s.get().spec(), frames());
      cost.set(String.format(Locale.ROOT, "%,d parameters · %.2f M MACs per %.1f s clip · %s fp32 · %s int8",
          c.parameters(), c.macsPerClip() / 1e6, clipSeconds, bytes(c.bytesFp32()), bytes(c.bytesInt8())));
      measureLatency(s.get().spec());
    } else {
      cost.set("Fix the student's fields to see its cost");
      latencyText.set("");
      latencyKey = null;
    }
  }

  private void measureLatency(StudentSpec spec) {
    int frames = frames();
    String engine = org.tkdworkbench.models.Engines.current(); // Settings may switch it between visits
    String key = spec + "@" + frames + "@" + engine;
    if (key.equals(latencyKey)) {
      return; // a knob that does not change the network (λ, epochs, …)
    }
    latencyKey = key;
    // The generation moves first: cancelling a queued job settles it at once, and its handler
    // must see it as superseded, not as cancelled by the user.
    long gen = ++latencyGeneration;
    if (latencyJob != null) {
      latencyJob.cancel(); // still queued behind a training run: never measure an outdated student
    }
    latencyText.set("measuring latency… (after any training in the queue)");
    JobHandle<Double> h = jobs.submit("Measuring latency of " + spec.architecture().cliName(), ctx -> latency.millis(spec, frames, engine));
    latencyJob = h;
    h.result().whenComplete((ms, e) -> fx.execute(() -> {
      if (gen != latencyGeneration) {
        return; // the knobs moved on
      }
      Throwable why = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      if (why instanceof org.tkdworkbench.jobs.CancelledException) {
        // Cancelled by the user (the status bar), not by a newer request: say so and measure
        // again on the next change, even of the same student.
        latencyText.set("latency not measured: cancelled");
        latencyKey = null;
        return;
      }
      latencyText.set(e == null
          ? String.format(Locale.ROOT, "%.2f ms per clip here on %s (median of 20)", ms, engine)
          : "latency not measured: " + why.getMessage());
    }));
  }

  private static String bytes(long b) {
    return b >= 1 << 20 ? String.format(Locale.ROOT, "%.2f MB", b / 1048576.0) : String.format(Locale.ROOT, "%.1f kB", b / 1024.0);
  }

  /** The sweep grid's students × λ × seeds, adding problems for what does not parse. */
  private List<double[]> sweepCells(List<String> problems) {
    List<double[]> cells = new ArrayList<>();
    List<StudentArchitecture> archs = new ArrayList<>();
    for (String name : sweep.text("students").split(",")) {
      try {
        archs.add(StudentArchitecture.fromCliName(name.strip()));
      } catch (IllegalArgumentException e) {
        problems.add("sweep.students: " + e.getMessage());
        return cells;
      }
    }
    List<Double> lambdas = new ArrayList<>();
    for (String v : sweep.text("lambdas").split(",")) {
      Double d = Numbers.parseDouble(v);
      if (d == null || d < 0) {
        problems.add("sweep.lambdas: must be numbers ≥ 0 separated by commas, found '" + v.strip() + "'");
        return cells;
      }
      lambdas.add(d);
    }
    Integer seeds = Numbers.parseInt(sweep.text("seeds"));
    if (seeds == null || seeds < 1 || seeds > 100) {
      problems.add("sweep.seeds: must be a whole number in 1..100, found '" + sweep.text("seeds") + "'");
      return cells;
    }
    for (StudentArchitecture a : archs) {
      for (double l : lambdas) {
        for (int s = 1; s <= seeds; s++) {
          cells.add(new double[] {a.ordinal(), l, s});
        }
      }
    }
    return cells;
  }

  /** Why a launch cannot happen now, or null. */
  private String launchProblem(DistillRunConfig example) {
    if (dataset == null) {
      return "Open a dataset first (Datasets section)";
    }
    if (!valid.get()) {
      return "Fix the fields marked in red first";
    }
    return example.validate().isEmpty() ? null : String.join("; ", example.validate());
  }

  private DistillRunConfig config(StudentSpec spec, TrainingConfig t, DistillationLoss.Weights w) {
    String layout = dataset.layout() == null ? "auto" : dataset.layout().cliName();
    return DistillRunConfig.of(spec, t, FeatureSpec.defaults(), w, target.get(), dataset.root(), layout, null,
            teacher.get(), null, null, RolloutMethod.ROLLOUT, HeadFusion.MEAN, 0.2)
        .withLayoutOptions(dataset.options());
  }

  /** Queues one run with the fields' settings; {@code onCreated} gets its folder and job. */
  public Optional<JobHandle<?>> launchRun(java.util.function.BiConsumer<Path, JobHandle<?>> onCreated) {
    Optional<Settings> s = settings(new ArrayList<>());
    if (s.isEmpty() || dataset == null) {
      message.set(dataset == null ? "Open a dataset first (Datasets section)" : "Fix the fields marked in red first");
      return Optional.empty();
    }
    DistillRunConfig c = config(s.get().spec(), s.get().training(), s.get().weights());
    String problem = launchProblem(c);
    if (problem != null) {
      message.set(problem);
      return Optional.empty();
    }
    JobHandle<?>[] handle = new JobHandle<?>[1];
    handle[0] = training.start(c, dataset, folder -> fx.execute(() -> onCreated.accept(folder, handle[0])));
    reportFailure(handle[0], c.student() + " λ=" + c.lambda());
    message.set("Queued " + c.student() + " λ=" + c.lambda() + " seed " + c.seed());
    return Optional.of(handle[0]);
  }

  /** Queues the sweep grid (students × λ × seeds 1..N, the other fields as set). */
  public Optional<JobHandle<?>> launchSweep(java.util.function.BiConsumer<Path, JobHandle<?>> onCreated) {
    List<String> problems = new ArrayList<>();
    Optional<Settings> s = settings(problems);
    List<double[]> grid = sweepCells(problems);
    if (s.isEmpty() || dataset == null || !problems.isEmpty()) {
      message.set(dataset == null ? "Open a dataset first (Datasets section)" : "Fix the fields marked in red first");
      return Optional.empty();
    }
    List<DistillRunConfig> cells = new ArrayList<>();
    for (double[] g : grid) {
      Settings x = s.get();
      StudentSpec spec = new StudentSpec(StudentArchitecture.values()[(int) g[0]], x.spec().preset(), x.spec().width(),
          x.spec().depth(), x.spec().mels(), x.spec().classes());
      TrainingConfig t = x.training();
      TrainingConfig seeded = t.withSeed((long) g[2]);
      DistillationLoss.Weights w = new DistillationLoss.Weights(g[1], x.weights().alpha(), x.weights().temperature());
      DistillRunConfig c = config(spec, seeded, w);
      String problem = launchProblem(c);
      if (problem != null) {
        message.set(spec.architecture().cliName() + " λ=" + g[1] + ": " + problem);
        return Optional.empty();
      }
      cells.add(c);
    }
    JobHandle<?>[] handle = new JobHandle<?>[1];
    handle[0] = training.sweep(cells, dataset, folder -> fx.execute(() -> onCreated.accept(folder, handle[0])));
    reportFailure(handle[0], "the sweep");
    message.set("Queued a sweep of " + cells.size() + " runs");
    return Optional.of(handle[0]);
  }

  private void reportFailure(JobHandle<?> h, String what) {
    h.result().whenComplete((r, e) -> {
      if (e != null && !(e.getCause() instanceof org.tkdworkbench.jobs.CancelledException)) {
        String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        fx.execute(() -> message.set("Training " + what + " failed: " + why));
      }
    });
  }

  public ObjectProperty<StudentArchitecture> architectureProperty() {
    return architecture;
  }

  public ObjectProperty<StudentPreset> presetProperty() {
    return preset;
  }

  public ObjectProperty<AttentionTarget> targetProperty() {
    return target;
  }

  public ObjectProperty<Path> teacherProperty() {
    return teacher;
  }

  public ObservableList<Path> teachers() {
    return teachers;
  }

  public FieldForm studentForm() {
    return student;
  }

  public FieldForm lossForm() {
    return loss;
  }

  public FieldForm trainingForm() {
    return train;
  }

  public FieldForm sweepForm() {
    return sweep;
  }

  /** Parameters, MACs and bytes of the student as configured. */
  public ReadOnlyStringProperty costProperty() {
    return cost.getReadOnlyProperty();
  }

  /** Its measured latency, or what is being done about it. */
  public ReadOnlyStringProperty latencyProperty() {
    return latencyText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Whether every field is valid. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }
}
