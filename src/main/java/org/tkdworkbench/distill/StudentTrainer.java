package org.tkdworkbench.distill;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.MalformedModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.TeacherTokens;
import org.tkdworkbench.models.student.StudentBlock;
import org.tkdworkbench.models.student.StudentSpec;
import org.tkdworkbench.models.student.Students;
import org.tkdworkbench.runs.ClipResults;
import org.tkdworkbench.runs.RunWriter;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;

/**
 * Trains a student with temporal knowledge distillation (DESIGN §1): {@code L_cls + λ·KL(a_T ‖
 * a_S) [+ α·T²·KL(p_T ‖ p_S)]}, {@code a_S} from the {@link TemporalProbe} on the student's context
 * (or the student's own attention), {@code a_T} the teacher's curve or a control ({@link
 * AttentionTarget}) interpolated to the student's time length.
 *
 * <p>Determinism and resume: the engine seed and the batch order of epoch {@code e} are both
 * derived from {@code (seed, e)}, so a run resumed after epoch {@code e} trains epoch {@code e+1}
 * on the same batches with the same dropout masks as an uninterrupted run; the learning-rate
 * schedule continues from the step count. Adam's moment estimates are not part of a checkpoint
 * (DJL cannot export them), so a resumed run restarts them: the curves after a resume are close to,
 * not identical with, an uninterrupted run's.
 *
 * <p>Clips of different lengths in one batch are padded with silence (the log floor) to the
 * longest; their targets are zero on the padded part.
 */
public final class StudentTrainer {
  /** The columns of a run's {@code metrics.csv}. */
  public static final List<String> COLUMNS =
      List.of("epoch", "step", "split", "loss", "loss_cls", "loss_att", "loss_logit", "accuracy", "map", "lr", "seconds");

  /** Checkpoint file names inside a checkpoint folder. */
  static final String MODEL_NAME = "distill";
  static final String STATE_FILE = "state.json";
  /** The exported student's files. */
  public static final String STUDENT_NAME = "student";
  public static final String STUDENT_SPEC_FILE = "student.json";

  /**
   * Everything that decides a run besides the data.
   *
   * @param student the network
   * @param training epochs, batch, learning rate, seed, patience (the teacher's augmentations are
   *     refused by {@link DistillRunConfig#validate()}: they would have to move {@code a_T} too)
   * @param weights λ, α, T
   * @param target which curve the attention is pulled towards
   * @param probe whether a probe is built when λ = 0 (its term is then logged but not trained on);
   *     false trains the plain student, for the λ = 0 equivalence check
   * @param energySmoothingSeconds the ENERGY control's moving-average width
   * @param engine the DJL engine to train on ({@link Engines#MXNET}, …); null = {@link
   *     Engines#current()} when training starts
   */
  public record Settings(
      StudentSpec student,
      TrainingConfig training,
      DistillationLoss.Weights weights,
      AttentionTarget target,
      boolean probe,
      double energySmoothingSeconds,
      String engine) {}

  /** Where a resumed run starts: the state saved with its last checkpoint. */
  public record Resume(Path checkpoint, int epoch, int step, int bestEpoch, double bestMetric, double testAtBest, double bestLoss) {
    /** Reads the state saved beside a checkpoint's parameters. */
    public static Resume read(Path checkpoint) throws IOException {
      Map<?, ?> s = Json.mapper().readValue(Files.readAllBytes(checkpoint.resolve(STATE_FILE)), Map.class);
      return new Resume(
          checkpoint,
          ((Number) s.get("epoch")).intValue(),
          ((Number) s.get("step")).intValue(),
          ((Number) s.get("best_epoch")).intValue(),
          number(s.get("best_metric")),
          number(s.get("test_at_best")),
          number(s.get("best_loss"))); // NaN in checkpoints written before it was saved
    }

    private static double number(Object o) {
      return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
  }

  /**
   * What a finished training reports.
   *
   * @param engine the engine the model actually ran on (read from its manager)
   * @param stopped why training stopped before its last epoch when it diverged, else null
   */
  public record Summary(
      int bestEpoch, double bestValidationMetric, double testMetric, String metricName, int epochsRun, double seconds, String engine,
      String stopped) {}

  private final ClipTensors data;
  private final Map<String, ClipKnowledge> knowledge;
  private final List<String> knowledgeClasses;
  private final FeatureSpec features;
  private final Settings settings;

  /**
   * @param data the clips, their features and labels
   * @param knowledge per clip id, the teacher's logits and curve; may be null when neither the
   *     teacher's curve (TEACHER, SHUFFLED with λ &gt; 0) nor its logits (α &gt; 0) are needed
   * @param knowledgeClasses the teacher's class order (null with {@code knowledge})
   * @param features how {@code data}'s features were made (frame rate for the energy smoothing)
   */
  public StudentTrainer(
      ClipTensors data,
      Map<String, ClipKnowledge> knowledge,
      List<String> knowledgeClasses,
      FeatureSpec features,
      Settings settings) {
    this.data = data;
    this.knowledge = knowledge;
    this.knowledgeClasses = knowledgeClasses;
    this.features = features;
    this.settings = settings;
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
  }

  /** Everything wrong with the settings and the knowledge for this data, one sentence each. */
  private List<String> problems() {
    List<String> p = new ArrayList<>(settings.student().validate());
    p.addAll(settings.training().validate());
    p.addAll(settings.weights().validate());
    if (settings.student().mels() != features.nMels()) {
      p.add("student.mels: must be the features' n_mels (" + features.nMels() + "), found " + settings.student().mels());
    }
    if (settings.student().classes() != data.classes().size()) {
      p.add("student.classes: must be the dataset's " + data.classes().size() + " classes, found " + settings.student().classes());
    }
    p.addAll(data.trainingProblems());
    boolean needCurves =
        settings.weights().lambda() > 0
            && settings.target().usesTeacherCurves();
    boolean needLogits = settings.weights().alpha() > 0;
    if ((needCurves || needLogits) && knowledge == null) {
      p.add("teacher: the run needs the teacher's " + (needCurves ? "attention curves" : "logits") + ", but no knowledge was given");
    } else if (needCurves || needLogits) {
      List<String> missing = new ArrayList<>();
      for (var c : data.clips()) {
        if (!knowledge.containsKey(c.id())) {
          missing.add(c.id());
        }
      }
      if (!missing.isEmpty()) {
        p.add("teacher: no knowledge for " + missing.size() + " of " + data.clips().size() + " clips, e.g. "
            + String.join(", ", missing.subList(0, Math.min(3, missing.size()))));
      }
      if (needLogits && knowledgeClasses != null && !knowledgeClasses.equals(data.classes())) {
        p.add("teacher: its classes " + knowledgeClasses + " are not the dataset's " + data.classes() + " (logit order matters for α > 0)");
      }
    }
    return p;
  }

  /**
   * What is allowed but probably not meant, one sentence each: a teacher whose classes are not the
   * dataset's, used for its attention curves only (α = 0), attends to what its own classes needed.
   */
  public List<String> warnings() {
    boolean curves =
        settings.weights().lambda() > 0
            && settings.target().usesTeacherCurves();
    if (curves && knowledgeClasses != null && !knowledgeClasses.equals(data.classes())) {
      return List.of("the teacher's classes " + knowledgeClasses + " are not the dataset's " + data.classes()
          + ": only its attention curves are used (α = 0), learnt for its own classes");
    }
    return List.of();
  }

  /**
   * Trains from scratch ({@code resume} null) or from a checkpoint into {@code run}: a metrics
   * row per split per epoch, a checkpoint per epoch, the student exported when validation improves,
   * the status after each epoch. Starting, finishing and the summary are the caller's.
   *
   * <p>An epoch whose training loss is not finite ends training: its weights are neither
   * checkpointed nor exported, the best earlier epoch stays the run's student and {@link
   * Summary#stopped()} says so.
   *
   * @throws org.tkdworkbench.jobs.CancelledException when cancelled (checked per batch); the last
   *     finished epoch's checkpoint stays, so the run can be resumed
   * @throws IllegalStateException when the loss is not finite before any epoch was kept
   */
  public Summary train(RunWriter run, JobContext ctx, Resume resume) throws IOException {
    return train(run, ctx, resume, r -> {});
  }

  /** As above; {@code onRow} also sees every metrics row as it is written (for live views, logs). */
  public Summary train(RunWriter run, JobContext ctx, Resume resume, java.util.function.Consumer<Map<String, Object>> onRow)
      throws IOException {
    RuntimeSetup.apply();
    long t0 = System.nanoTime();
    TrainingConfig tc = settings.training();
    DistillationLoss.Weights w = settings.weights();
    boolean attention = w.lambda() > 0 || settings.probe();
    boolean multi = data.multiLabel();
    String metricName = multi ? "mAP" : "accuracy";
    int[] train = data.indices(Split.TRAIN);
    int[] val = data.indices(Split.VALIDATION);
    int[] test = data.indices(Split.TEST);
    String engineName = settings.engine() == null ? Engines.current() : Engines.canonical(settings.engine());
    Engine engine = Engines.engine(engineName);
    engine.setRandomSeed((int) tc.seed());

    StudentBlock student = Students.newBlock(settings.student(), engineName);
    DistillNet net = new DistillNet(student, attention);
    int mels = features.nMels();
    int maxFrames = Students.minFrames(settings.student());
    for (float[][] f : data.features()) {
      maxFrames = Math.max(maxFrames, f.length);
    }
    Targets targets = attention ? targets(student) : null;

    int stepsPerEpoch = (train.length + tc.batchSize() - 1) / tc.batchSize();
    int totalSteps = stepsPerEpoch * tc.epochs();
    int startEpoch = resume == null ? 1 : resume.epoch() + 1;
    int stepOffset = resume == null ? 0 : resume.step();
    Tracker schedule = LearningRates.warmUpCosine(tc.learningRate(), totalSteps, stepsPerEpoch);
    Tracker continued = n -> schedule.getNewValue(n + stepOffset);
    Optimizer adam = Optimizer.adam().optLearningRateTracker(continued).optWeightDecays((float) tc.weightDecay()).build();
    DistillationLoss loss = new DistillationLoss(multi, w);

    try (Model model = Engines.newModel(MODEL_NAME, engineName);
        Model exported = Engines.newModel(STUDENT_NAME, engineName)) {
      model.setBlock(net);
      // Any loss: the trainer's own is never called, DistillationLoss is.
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam).optDevices(new Device[] {model.getNDManager().getDevice()}))) {
        // A checkpoint loads after newTrainer and before trainer.initialize. Initialising caches
        // every parameter's array in the trainer's parameter store: loading afterwards would give
        // the model new arrays the optimiser never sees (it trained the fresh weights while
        // evaluation and checkpoints read the loaded ones, unchanged). And newTrainer unfreezes a
        // model it finds loaded, which would make the input normalisation trainable.
        if (resume != null) {
          loadParameters(model, resume.checkpoint());
        }
        trainer.initialize(new Shape(1, maxFrames, mels));
        if (resume == null) {
          double[] norm = data.meanAndStd(train);
          student.setInputNormalization((float) norm[0], (float) norm[1]);
        }
        exported.setBlock(student);

        int bestEpoch = resume == null ? 0 : resume.bestEpoch();
        double bestMetric = resume == null || bestEpoch == 0 ? Double.NEGATIVE_INFINITY : resume.bestMetric();
        double testAtBest = resume == null ? Double.NaN : resume.testAtBest();
        double bestLoss = resume == null || !Double.isFinite(resume.bestLoss()) ? Double.POSITIVE_INFINITY : resume.bestLoss();
        // Patience counts the epochs since the best, across a resume.
        int sinceBest = resume == null ? 0 : resume.epoch() - bestEpoch;
        int step = stepOffset;
        int epochsRun = startEpoch - 1;
        String stopped = null;
        for (int epoch = startEpoch; epoch <= tc.epochs(); epoch++) {
          long e0 = System.nanoTime();
          // Seeds per epoch, so a resumed epoch draws the batches and dropout an uninterrupted run would.
          engine.setRandomSeed((int) (tc.seed() * 7919 + epoch));
          Random order = new Random(tc.seed() * 1_000_003L + epoch);
          double[] sums = new double[4];
          for (int[] batch : Batches.shuffled(train, tc.batchSize(), order)) {
            ctx.checkCancelled();
            try (NDManager sub = model.getNDManager().newSubManager()) {
              Inputs in = inputs(sub, batch, targets, student);
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(in.x));
                DistillationLoss.Terms terms =
                    loss.evaluate(out.get(0), in.labels, attention ? out.get(1) : null, in.aT, in.plogp, in.teacherLogits);
                gc.backward(terms.total());
                accumulate(sums, terms, batch.length);
              }
              trainer.step();
            }
            step++;
            run.heartbeat();
            ctx.progress(step, totalSteps, "Epoch " + epoch + "/" + tc.epochs());
          }
          epochsRun = epoch;
          double seconds = (System.nanoTime() - e0) / 1e9;
          double rate = schedule.getNewValue(step);
          double[] trainTerms = divide(sums, train.length);
          emit(run, onRow, row(epoch, step, "train", trainTerms, Double.NaN, multi, rate, seconds));
          if (!Double.isFinite(trainTerms[0])) {
            // Diverged: later epochs stay NaN and this epoch's weights are broken, so stop without
            // a checkpoint or export of them. The exported student is the best earlier epoch's;
            // with none the run fails (its last checkpoint is still sound).
            if (bestEpoch == 0) {
              // Without a validation split only the last epoch is kept, so nothing is yet.
              throw Divergence.nothingKept(trainTerms[0], epoch, tc.learningRate(),
                  val.length == 0 ? " (no validation split: only the last epoch would be)" : "");
            }
            stopped = Divergence.stopped(epoch, bestEpoch);
            epochsRun = epoch - 1; // the epochs whose weights are sound, as status.json says
            break;
          }
          Eval v = evaluate(model, loss, val, targets, student, attention, ctx, "validation");
          if (val.length > 0) {
            emit(run, onRow, row(epoch, step, "validation", v.terms, v.metric, multi, rate, seconds));
          }
          boolean improved = val.length > 0 && (v.metric > bestMetric || (v.metric == bestMetric && v.terms[0] < bestLoss));
          if (improved || (val.length == 0 && epoch == tc.epochs())) {
            bestEpoch = epoch;
            bestMetric = val.length > 0 ? v.metric : Double.NaN;
            bestLoss = v.terms[0];
            Eval t = evaluate(model, loss, test, targets, student, attention, ctx, "test");
            testAtBest = t.metric;
            if (test.length > 0) {
              emit(run, onRow, row(epoch, step, "test", t.terms, t.metric, multi, rate, seconds));
            }
            List<ClipResults.Clip> perClip = new ArrayList<>(v.clips);
            perClip.addAll(t.clips);
            run.exportStudent(folder -> exportStudent(exported, folder, perClip));
            sinceBest = 0;
          } else {
            sinceBest++;
          }
          int e = epoch;
          int s = step;
          int be = bestEpoch;
          double bm = bestMetric;
          double tb = testAtBest;
          double bl = bestLoss;
          run.saveCheckpoint(epoch, folder -> saveCheckpoint(model, folder, e, s, be, bm, tb, bl));
          run.epochFinished(epoch, val.length > 0 ? v.metric : Double.NaN, bestEpoch == epoch);
          if (val.length > 0 && tc.patience() > 0 && sinceBest >= tc.patience()) {
            break;
          }
        }
        return new Summary(bestEpoch, bestMetric, testAtBest, metricName, epochsRun, (System.nanoTime() - t0) / 1e9,
            model.getNDManager().getEngine().getEngineName(), stopped);
      }
    }
  }

  private static void emit(RunWriter run, java.util.function.Consumer<Map<String, Object>> onRow, Map<String, Object> row)
      throws IOException {
    run.appendMetrics(row);
    onRow.accept(row);
  }

  /** Per clip (index order of {@code data}): {@code a_T} at the student's length, and Σ a_T ln a_T. */
  private record Targets(double[][] aT, double[] plogp) {}

  private Targets targets(StudentBlock student) {
    int n = data.size();
    int[] lengths = new int[n];
    List<double[]> curves = knowledge == null ? null : new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lengths[i] = student.contextLength(Math.max(Students.minFrames(settings.student()), data.features().get(i).length));
      if (curves != null) {
        ClipKnowledge k = knowledge.get(data.clips().get(i).id());
        curves.add(k == null ? null : toDouble(k.curve()));
      }
    }
    double framesPerSecond = features.sampleRate() / (double) features.hopLength();
    int smoothing = Math.max(1, (int) Math.round(settings.energySmoothingSeconds() * framesPerSecond));
    AttentionTarget target = settings.target();
    if (curves == null && target.usesTeacherCurves()) {
      // Only reachable with λ = 0 and no teacher (validation refuses it otherwise): the term has
      // weight 0 and is only logged, so a uniform curve stands in for the missing teacher's.
      target = AttentionTarget.UNIFORM;
    }
    List<double[]> aT =
        AttentionTargets.build(target, curves, data.features(), lengths, smoothing, settings.training().seed());
    double[] plogp = new double[n];
    for (int i = 0; i < n; i++) {
      plogp[i] = DistillationLoss.plogp(aT.get(i));
    }
    return new Targets(aT.toArray(new double[0][]), plogp);
  }

  private record Inputs(NDArray x, NDArray labels, NDArray aT, NDArray plogp, NDArray teacherLogits) {}

  private Inputs inputs(NDManager m, int[] batch, Targets targets, StudentBlock student) {
    List<float[][]> clips = data.select(batch);
    int mels = features.nMels();
    // Shorter clips are padded with silence up to the longest, and up to what the student needs.
    int frames = Students.minFrames(settings.student());
    for (float[][] c : clips) {
      frames = Math.max(frames, c.length);
    }
    float[] x = new float[batch.length * frames * mels];
    Arrays.fill(x, TeacherTokens.PAD);
    for (int b = 0; b < batch.length; b++) {
      float[][] c = clips.get(b);
      for (int f = 0; f < c.length; f++) {
        System.arraycopy(c[f], 0, x, (b * frames + f) * mels, mels);
      }
    }
    NDArray xs = m.create(x, new Shape(batch.length, frames, mels));
    NDArray labels = data.labels(m, batch);
    int classes = data.classes().size();
    NDArray aT = null;
    NDArray plogp = null;
    if (targets != null) {
      int t = student.contextLength(frames);
      float[] a = new float[batch.length * t];
      float[] p = new float[batch.length];
      for (int b = 0; b < batch.length; b++) {
        double[] row = targets.aT()[batch[b]];
        for (int k = 0; k < Math.min(t, row.length); k++) {
          a[b * t + k] = (float) row[k];
        }
        p[b] = (float) targets.plogp()[batch[b]];
      }
      aT = m.create(a, new Shape(batch.length, t));
      plogp = m.create(p, new Shape(batch.length));
    }
    NDArray teacherLogits = null;
    if (settings.weights().alpha() > 0) {
      float[] z = new float[batch.length * classes];
      for (int b = 0; b < batch.length; b++) {
        float[] l = knowledge.get(data.clips().get(batch[b]).id()).logits();
        System.arraycopy(l, 0, z, b * classes, classes);
      }
      teacherLogits = m.create(z, new Shape(batch.length, classes));
    }
    return new Inputs(xs, labels, aT, plogp, teacherLogits);
  }

  /** Loss terms and metric over a split, and what the student did on each of its clips. */
  private record Eval(double[] terms, double metric, List<ClipResults.Clip> clips) {}

  /** Loss terms, the metric and the per-clip results over {@code idx}, inference mode. */
  private Eval evaluate(
      Model model, DistillationLoss loss, int[] idx, Targets targets, StudentBlock student, boolean attention, JobContext ctx, String split) {
    if (idx.length == 0) {
      return new Eval(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, Double.NaN, List.of());
    }
    int classes = data.classes().size();
    float[][] scores = new float[idx.length][];
    List<ClipResults.Clip> clips = new ArrayList<>(idx.length);
    // A probe's curve only means something when it was trained (λ > 0); a student's own attention always does.
    boolean showStudent = attention && (student.hasOwnAttention() || settings.weights().lambda() > 0);
    double secondsPerFrame = features.hopLength() / (double) features.sampleRate();
    double[] sums = new double[4];
    int k = 0;
    for (int[] batch : Batches.inOrder(idx, settings.training().batchSize())) {
      ctx.checkCancelled();
      try (NDManager sub = model.getNDManager().newSubManager()) {
        Inputs in = inputs(sub, batch, targets, student);
        NDList out = model.getBlock().forward(new ParameterStore(sub, false), new NDList(in.x), false);
        accumulate(sums, loss.evaluate(out.get(0), in.labels, attention ? out.get(1) : null, in.aT, in.plogp, in.teacherLogits), batch.length);
        float[] flat = out.get(0).toFloatArray();
        float[] logA = showStudent ? out.get(1).toFloatArray() : null;
        int steps = showStudent ? (int) out.get(1).getShape().get(1) : 0;
        for (int i = 0; i < batch.length; i++) {
          scores[k++] = Arrays.copyOfRange(flat, i * classes, (i + 1) * classes);
          int c = batch[i];
          int frames = data.features().get(c).length;
          int own = student.contextLength(Math.max(Students.minFrames(settings.student()), frames));
          double[] aS = logA == null ? null : PerClip.renormalisedExp(logA, i * steps, Math.min(own, steps));
          double[] aT = targets == null ? null : targets.aT()[c];
          int length = aS != null ? aS.length : aT != null ? aT.length : own;
          clips.add(
              PerClip.result(
                  split, data.clips().get(c), data.classes(), scores[k - 1], data.multiLabel(),
                  PerClip.stepCentres(length, frames * secondsPerFrame), aS,
                  aT != null && aT.length == length ? aT : null));
        }
      }
    }
    double metric = data.metric(idx, scores);
    return new Eval(divide(sums, idx.length), metric, clips);
  }

  private static void accumulate(double[] sums, DistillationLoss.Terms t, int n) {
    sums[0] += t.total().getFloat() * n;
    sums[1] += t.cls().getFloat() * n;
    sums[2] += t.attention() == null ? Double.NaN : t.attention().getFloat() * n;
    sums[3] += t.logit() == null ? Double.NaN : t.logit().getFloat() * n;
  }

  private static double[] divide(double[] sums, int n) {
    double[] d = new double[sums.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = sums[i] / n;
    }
    return d;
  }

  private static Map<String, Object> row(int epoch, int step, String split, double[] terms, double metric, boolean multi, double lr, double seconds) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("epoch", epoch);
    r.put("step", step);
    r.put("split", split);
    r.put("loss", terms[0]);
    r.put("loss_cls", terms[1]);
    r.put("loss_att", terms[2]);
    r.put("loss_logit", terms[3]);
    r.put(multi ? "map" : "accuracy", metric);
    r.put("lr", lr);
    r.put("seconds", seconds);
    return r;
  }

  private void saveCheckpoint(
      Model model, Path folder, int epoch, int step, int bestEpoch, double bestMetric, double testAtBest, double bestLoss)
      throws IOException {
    model.save(folder, MODEL_NAME);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("epoch", epoch);
    state.put("step", step);
    state.put("best_epoch", bestEpoch);
    state.put("best_metric", Double.isFinite(bestMetric) ? bestMetric : null);
    state.put("test_at_best", Double.isFinite(testAtBest) ? testAtBest : null);
    state.put("best_loss", Double.isFinite(bestLoss) ? bestLoss : null);
    AtomicFiles.write(folder.resolve(STATE_FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
  }

  private static void loadParameters(Model model, Path checkpoint) throws IOException {
    try {
      model.load(checkpoint, MODEL_NAME);
    } catch (MalformedModelException e) {
      throw new IOException(checkpoint + ": cannot load the checkpoint's parameters: " + e.getMessage(), e);
    }
  }

  private void exportStudent(Model exported, Path folder, List<ClipResults.Clip> perClip) throws IOException {
    exported.save(folder, STUDENT_NAME);
    ClipResults.write(folder, perClip);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("student", settings.student());
    spec.put("features", features);
    spec.put("classes", data.classes());
    spec.put("multi_label", data.multiLabel());
    AtomicFiles.write(folder.resolve(STUDENT_SPEC_FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
