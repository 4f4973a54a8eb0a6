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
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.DjlAttentionTeacher;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.TeacherBlock;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.models.TeacherSpec;
import org.tkdworkbench.models.TeacherStore;
import org.tkdworkbench.models.TeacherTokens;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;

/**
 * Trains the transformer teacher on a dataset (cross-entropy, or binary cross-entropy when
 * multi-label) and saves it as a folder: parameters, {@code spec.json}, {@code metrics.csv}
 * (appended per epoch), {@code summary.json} (best validation epoch and the test metric there).
 *
 * <p>Optional time-shift augmentation ({@link TrainingConfig#timeShift()}): every training clip is
 * rolled circularly by a random number of frames at each step; optional speaker-like warping
 * ({@link TrainingConfig#warp()}) and SpecAugment ({@link TrainingConfig#specAugment()}) then
 * stretch it and mask frequency bands and time spans of it. Adam with a linear warm-up (first epoch, at most 200 steps) into a cosine decay to 1 % of the
 * peak rate; batches shuffled by a {@link Random} seeded with the training seed, and the engine's
 * seed (initialisation, dropout) set to it too. Every step runs in its own NDManager sub-manager,
 * closed at its end (STACK.md: otherwise memory grows by megabytes per step). The parameters of the
 * best validation epoch are saved when it improves; without a validation split the last epoch is
 * kept and the summary says so.
 *
 * <p>The folder is built as a hidden sibling of {@code output} and renamed into place at the end, so
 * a cancelled or failed training leaves nothing behind.
 */
public final class TeacherTrainer {
  /** What a finished training reports. */
  public record Summary(
      Path folder, int bestEpoch, double bestValidationMetric, double testMetric, String metricName) {}

  /** Fewer optimizer steps than this get a note: the teacher is unlikely to learn. */
  public static final long MIN_STEPS = 1000;

  private final FeatureCache features;
  private final AudioDecoder decoder;
  private final int threads;
  /** The engine chosen when this trainer was made: a queued training keeps it. */
  private final String engine = Engines.current();

  public TeacherTrainer(FeatureCache features, AudioDecoder decoder) {
    this(features, decoder, Runtime.getRuntime().availableProcessors());
  }

  /** As above, decoding on {@code threads} threads. */
  public TeacherTrainer(FeatureCache features, AudioDecoder decoder, int threads) {
    this.features = features;
    this.decoder = decoder;
    this.threads = Math.max(1, threads);
  }

  /** The engine this trainer trains on (the current one when it was made). */
  public String engine() {
    return engine;
  }

  /**
   * Trains and saves into {@code output} (must not exist or be empty); cancellable per batch.
   * {@code log} gets a line per clip that cannot be used ({@code skipped <file>: <why>}), one with
   * the clips that train ({@code clips: 120 train, 15 validation, 15 test, 10 classes}) and a note
   * when they make too few optimizer steps. Settings, the output and the vocabulary are checked
   * before any clip is decoded.
   */
  public Summary train(
      DatasetIndex dataset,
      FeatureSpec spec,
      TeacherConfig config,
      TrainingConfig training,
      Path output,
      JobContext ctx,
      Consumer<EpochMetrics> onEpoch,
      Consumer<String> log)
      throws IOException {
    requireValid(config, training);
    checkOutput(output);
    ClipTensors.requireClassifiable(dataset.labels(), dataset.multiLabel());
    ClipTensors data = ClipTensors.load(dataset, spec, features, decoder, threads, ctx);
    data.failures().forEach(f -> log.accept("skipped " + f.reason()));
    int nTrain = data.indices(Split.TRAIN).length;
    log.accept(String.format(java.util.Locale.ROOT, "clips: %d train, %d validation, %d test, %d classes%s",
        nTrain, data.indices(Split.VALIDATION).length, data.indices(Split.TEST).length,
        data.classes().size(), data.failures().isEmpty() ? "" : " (" + data.failures().size() + " could not be used, each named)"));
    long steps = (long) ((nTrain + training.batchSize() - 1) / training.batchSize()) * training.epochs();
    if (nTrain > 0 && steps < MIN_STEPS) {
      // Measured on the bundled sample: 270 steps left the teacher at chance (README, Teacher).
      log.accept(String.format(java.util.Locale.ROOT,
          "note: only %d optimizer steps (%d clips / batch %d × %d epochs); a transformer from scratch usually"
              + " needs a few thousand: more epochs, a smaller batch, or more clips (a noisy variant with copies)",
          steps, nTrain, training.batchSize(), training.epochs()));
    }
    return train(data, spec, DatasetRegistry.fingerprint(dataset), config, training, output, ctx, onEpoch, engine);
  }

  /**
   * Trains on clips already in memory (e.g. generated, or loaded once for several runs); {@code
   * spec} is recorded as the features they were made with.
   */
  public static Summary train(
      ClipTensors data,
      FeatureSpec spec,
      String datasetFingerprint,
      TeacherConfig config,
      TrainingConfig training,
      Path output,
      JobContext ctx,
      Consumer<EpochMetrics> onEpoch)
      throws IOException {
    return train(data, spec, datasetFingerprint, config, training, output, ctx, onEpoch, Engines.current());
  }

  /** As above, on {@code engine} ({@link Engines#MXNET}, …). */
  public static Summary train(
      ClipTensors data,
      FeatureSpec spec,
      String datasetFingerprint,
      TeacherConfig config,
      TrainingConfig training,
      Path output,
      JobContext ctx,
      Consumer<EpochMetrics> onEpoch,
      String engine)
      throws IOException {
    requireValid(config, training);
    checkOutput(output);
    List<String> problems = data.trainingProblems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Path parent = output.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + output.getFileName() + ".partial-");
    try {
      Summary s = new Run(data, spec, datasetFingerprint, config, training, temp, ctx, onEpoch, engine).run();
      moveIntoPlace(temp, output);
      return new Summary(output, s.bestEpoch(), s.bestValidationMetric(), s.testMetric(), s.metricName());
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(temp);
      throw e;
    }
  }

  private static void requireValid(TeacherConfig config, TrainingConfig training) {
    List<String> problems = new ArrayList<>(config.validate());
    problems.addAll(training.validate());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
  }

  /** The output may not exist yet, or be an empty folder. */
  public static void checkOutput(Path output) throws IOException {
    if (Files.isDirectory(output)) {
      try (Stream<Path> s = Files.list(output)) {
        if (s.findAny().isPresent()) {
          throw new IOException(output + ": the output folder is not empty");
        }
      }
    } else if (Files.exists(output)) {
      throw new IOException(output + ": exists and is not a folder");
    }
  }

  private static void moveIntoPlace(Path temp, Path output) throws IOException {
    checkOutput(output);
    Files.deleteIfExists(output); // an empty folder
    Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE);
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      // best effort: a leftover hidden partial folder is harmless
    }
  }

  /** One training run's state. */
  private static final class Run {
    final ClipTensors data;
    final FeatureSpec spec;
    final String fingerprint;
    final TeacherConfig config;
    final TrainingConfig training;
    final Path folder;
    final JobContext ctx;
    final Consumer<EpochMetrics> onEpoch;
    final boolean multi;
    final int mels;
    final String metricName;
    final String engineName;

    Run(ClipTensors data, FeatureSpec spec, String fingerprint, TeacherConfig config, TrainingConfig training,
        Path folder, JobContext ctx, Consumer<EpochMetrics> onEpoch, String engineName) {
      this.engineName = engineName;
      this.data = data;
      this.spec = spec;
      this.fingerprint = fingerprint;
      this.config = config;
      this.training = training;
      this.folder = folder;
      this.ctx = ctx;
      this.onEpoch = onEpoch == null ? m -> {} : onEpoch;
      this.multi = data.multiLabel();
      this.mels = spec.nMels();
      this.metricName = multi ? "mAP" : "accuracy";
    }

    Summary run() throws IOException {
      long t0 = System.nanoTime();
      int[] train = data.indices(Split.TRAIN);
      int[] val = data.indices(Split.VALIDATION);
      int[] test = data.indices(Split.TEST);
      Engine engine = Engines.engine(engineName);
      engine.setRandomSeed((int) training.seed());
      Random shuffle = new Random(training.seed());
      int stepsPerEpoch = (train.length + training.batchSize() - 1) / training.batchSize();
      int totalSteps = stepsPerEpoch * training.epochs();
      Tracker lr = LearningRates.warmUpCosine(training.learningRate(), totalSteps, stepsPerEpoch);
      Optimizer adam =
          Optimizer.adam()
              .optLearningRateTracker(lr)
              .optWeightDecays((float) training.weightDecay())
              .build();
      Loss loss = multi ? Loss.sigmoidBinaryCrossEntropyLoss() : Loss.softmaxCrossEntropyLoss();
      TeacherSpec teacherSpec =
          new TeacherSpec(
              TeacherStore.SCHEMA_VERSION,
              spec,
              data.classes(),
              multi,
              config,
              engine.getEngineName(),
              engine.getVersion(),
              fingerprint,
              training.seed());
      AtomicFiles.write(folder.resolve(TeacherStore.SPEC_FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(teacherSpec));

      try (Model model = DjlAttentionTeacher.newModel(config, mels, data.classes().size(), engineName);
          Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new Device[] {model.getNDManager().getDevice()}));
          BufferedWriter csv =
              Files.newBufferedWriter(folder.resolve(TeacherStore.METRICS_FILE), StandardCharsets.UTF_8)) {
        TeacherBlock block = (TeacherBlock) model.getBlock();
        trainer.initialize(DjlAttentionTeacher.inputShapes(block));
        double[] norm = data.meanAndStd(train);
        block.setInputNormalization((float) norm[0], (float) norm[1]);
        csv.write("epoch,train_loss,val_loss,val_metric,lr,seconds\n");
        csv.flush();

        int bestEpoch = 0;
        double bestMetric = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        double testAtBest = Double.NaN;
        int step = 0;
        int sinceBest = 0;
        int divergedAt = 0;
        int epochsRun = 0;
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
          long e0 = System.nanoTime();
          double lossSum = 0;
          for (int[] batch : Batches.shuffled(train, training.batchSize(), shuffle)) {
            ctx.checkCancelled();
            try (NDManager sub = model.getNDManager().newSubManager()) {
              NDList input = training.augments()
                  ? inputs(sub, augmented(batch, training, (float) norm[0], shuffle))
                  : inputs(sub, batch);
              NDArray labels = data.labels(sub, batch);
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(input);
                NDArray l = loss.evaluate(new NDList(labels), new NDList(out.get(0)));
                gc.backward(l);
                lossSum += l.getFloat() * batch.length;
              }
              trainer.step();
            }
            step++;
            ctx.progress(step, totalSteps, "Epoch " + epoch + "/" + training.epochs());
          }
          epochsRun = epoch;
          double trainLoss = lossSum / train.length;
          Eval v = evaluate(model, loss, val);
          double rate = lr.getNewValue(step);
          double seconds = (System.nanoTime() - e0) / 1e9;
          EpochMetrics m = new EpochMetrics(epoch, trainLoss, v.loss, v.metric, rate, seconds, Map.of());
          csv.write(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6g,%.3f%n",
              epoch, trainLoss, v.loss, v.metric, rate, seconds));
          csv.flush();
          if (!Double.isFinite(trainLoss)) {
            // Diverged (seen once on PyTorch: NaN from epoch 17 to the end). Later epochs stay
            // NaN and this epoch's weights are broken, so stop: keep the best earlier epoch if
            // there is one, else there is nothing to keep.
            onEpoch.accept(m);
            if (bestEpoch == 0) {
              throw Divergence.nothingKept(trainLoss, epoch, training.learningRate(), "");
            }
            divergedAt = epoch;
            epochsRun = epoch - 1; // the epochs whose weights are sound, as for students
            break;
          }
          boolean improved =
              val.length > 0
                  && (v.metric > bestMetric || (v.metric == bestMetric && v.loss < bestLoss));
          if (improved) {
            bestEpoch = epoch;
            bestMetric = v.metric;
            bestLoss = v.loss;
            testAtBest = evaluate(model, loss, test).metric;
            save(model, epoch);
            sinceBest = 0;
          } else {
            sinceBest++;
          }
          onEpoch.accept(m);
          if (val.length > 0 && training.patience() > 0 && sinceBest >= training.patience()) {
            break;
          }
        }
        if (val.length == 0) { // nothing to select by: keep the last epoch
          bestEpoch = epochsRun;
          bestMetric = Double.NaN;
          testAtBest = evaluate(model, loss, test).metric;
          save(model, epochsRun);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("best_epoch", bestEpoch);
        summary.put("epochs_run", epochsRun);
        summary.put("metric", metricName);
        summary.put("validation_metric", finiteOrNull(bestMetric));
        summary.put("test_metric", finiteOrNull(testAtBest));
        summary.put("selection", val.length > 0 ? "best validation epoch" : "last epoch (no validation split)");
        if (divergedAt > 0) {
          summary.put("stopped", Divergence.stopped(divergedAt, bestEpoch));
        }
        summary.put("seconds", (System.nanoTime() - t0) / 1e9);
        summary.put("training", training); // epochs, batch, rate, seed and the augmentations used
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("train", train.length);
        counts.put("validation", val.length);
        counts.put("test", test.length);
        summary.put("clips", counts);
        summary.put("skipped_clips", data.failures().size());
        summary.put("engine", engine.getEngineName() + " " + engine.getVersion());
        summary.put("parameters", parameterCount(block));
        AtomicFiles.write(folder.resolve(TeacherStore.SUMMARY_FILE),
            Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        return new Summary(folder, bestEpoch, bestMetric, testAtBest, metricName);
      }
    }

    private static Double finiteOrNull(double v) {
      return Double.isFinite(v) ? v : null;
    }

    /** Saves the parameters as the only {@code teacher-NNNN.params} of the folder. */
    private void save(Model model, int epoch) throws IOException {
      model.setProperty("Epoch", Integer.toString(epoch));
      model.save(folder, TeacherStore.MODEL_NAME);
      String keep = String.format(Locale.ROOT, "%s-%04d.params", TeacherStore.MODEL_NAME, epoch);
      try (Stream<Path> s = Files.list(folder)) {
        for (Path p : s.toList()) {
          String n = p.getFileName().toString();
          if (n.endsWith(".params") && !n.equals(keep)) {
            Files.delete(p);
          }
        }
      }
    }

    /**
     * The clips of {@code batch} as augmented for one step: each rolled in time by a random number
     * of frames (time shift), warped ({@link Warp}), then given SpecAugment's masks. The stored features are never
     * written: a masked clip is a copy.
     */
    private List<float[][]> augmented(int[] batch, TrainingConfig training, float mean, Random random) {
      List<float[][]> out = new ArrayList<>(batch.length);
      for (float[][] clip : data.select(batch)) {
        float[][] c = training.timeShift() ? rolled(clip, random) : clip;
        c = training.warp() > 0 ? Warp.warped(c, training.warp(), random) : c;
        out.add(training.specAugment() > 0 ? SpecAugment.masked(c, training.specAugment(), mean, random) : c);
      }
      return out;
    }

    /** The clip rolled circularly in time by a random number of frames (rows shared). */
    private static float[][] rolled(float[][] clip, Random random) {
      int n = clip.length;
      int shift = random.nextInt(n);
      float[][] r = new float[n][];
      for (int f = 0; f < n; f++) {
        r[f] = clip[(f + shift) % n];
      }
      return r;
    }

    private NDList inputs(NDManager m, int[] batch) {
      return inputs(m, data.select(batch));
    }

    private NDList inputs(NDManager m, List<float[][]> clips) {
      TeacherTokens.Batch b = TeacherTokens.batch(clips, config, mels);
      return new NDList(
          m.create(b.tokens(), new Shape(b.batch(), b.maxTokens(), b.inputDim())),
          m.create(b.mask(), new Shape(b.batch(), b.maxTokens())));
    }

    record Eval(double loss, double metric) {}

    /** Loss and metric over {@code idx} in inference mode (no dropout). */
    private Eval evaluate(Model model, Loss loss, int[] idx) {
      if (idx.length == 0) {
        return new Eval(Double.NaN, Double.NaN);
      }
      int classes = data.classes().size();
      float[][] scores = new float[idx.length][];
      double lossSum = 0;
      int k = 0;
      for (int[] batch : Batches.inOrder(idx, training.batchSize())) {
        ctx.checkCancelled();
        try (NDManager sub = model.getNDManager().newSubManager()) {
          NDList out = model.getBlock().forward(new ParameterStore(sub, false), inputs(sub, batch), false);
          NDArray logits = out.get(0);
          lossSum += loss.evaluate(new NDList(data.labels(sub, batch)), new NDList(logits)).getFloat() * batch.length;
          float[] flat = logits.toFloatArray();
          for (int i = 0; i < batch.length; i++) {
            scores[k++] = java.util.Arrays.copyOfRange(flat, i * classes, (i + 1) * classes);
          }
        }
      }
      double metric = data.metric(idx, scores);
      return new Eval(lossSum / idx.length, metric);
    }

    private static long parameterCount(TeacherBlock block) {
      long n = 0;
      for (var p : block.getParameters().values()) {
        if (p.requiresGradient()) {
          n += p.getArray().getShape().size();
        }
      }
      return n;
    }
  }
}
