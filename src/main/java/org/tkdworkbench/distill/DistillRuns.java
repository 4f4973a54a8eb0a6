package org.tkdworkbench.distill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.TeacherStore;
import org.tkdworkbench.models.student.LatencyBenchmark;
import org.tkdworkbench.models.student.StudentCost;
import org.tkdworkbench.models.student.Students;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.runs.RunWriter;
import org.tkdworkbench.workspace.Json;
import org.tkdworkbench.workspace.Workspace;

/**
 * Starts and resumes distillation runs: reads the dataset and the teacher's knowledge a {@link
 * DistillRunConfig} names, loads the features, and drives a {@link StudentTrainer} into a run
 * folder of a {@link RunStore}, keeping the folder's status true to what happened (finished,
 * failed with the message, cancelled — resumable). Shared by the CLI and the app.
 */
public final class DistillRuns {
  /** What a run ended with. */
  public record Outcome(Path folder, StudentTrainer.Summary summary) {}

  private final Workspace workspace;
  private final int threads;

  public DistillRuns(Workspace workspace, int threads) {
    this.workspace = workspace;
    this.threads = Math.max(1, threads);
  }

  /** What a run trains on. */
  private record Inputs(DatasetIndex index, ClipTensors data, Knowledge knowledge) {}

  /**
   * Reads the dataset {@code config} names, with its layout (or detection for {@code auto}) and its
   * layout options (a test fold, speaker folds), so a resumed run trains on the same splits.
   */
  public DatasetIndex index(DistillRunConfig config, JobContext ctx) throws IOException {
    Layout layout = config.layout() == null || config.layout().equals("auto")
        ? null
        : Layout.fromCliName(config.layout()).orElseThrow(() -> new IllegalArgumentException("layout: unknown " + config.layout()));
    return Datasets.index(Path.of(config.dataset()), layout, config.layoutOptionsOrDefaults(), ctx);
  }

  /**
   * Inputs already loaded by this instance, by what they depend on: a sweep's cells on one dataset
   * share one copy of the features and the knowledge instead of reading them per cell.
   */
  private final Map<List<Object>, Inputs> loaded = new java.util.HashMap<>();

  private Inputs inputs(DistillRunConfig config, DatasetIndex index, JobContext ctx, Consumer<String> log) throws IOException {
    // Before the teacher's knowledge and the features are computed for nothing.
    ClipTensors.requireClassifiable(index.labels(), index.multiLabel());
    List<Object> key =
        java.util.Arrays.asList(config.dataset(), config.layoutOptionsOrDefaults(), config.datasetFingerprint(),
            config.features(), config.teacher(),
            config.teacherId(), config.knowledge(), config.rolloutMethod(), config.headFusion());
    Inputs memo = loaded.get(key);
    if (memo != null) {
      return memo;
    }
    Inputs in = load(config, index, ctx, log);
    loaded.clear(); // keep one dataset in memory: a sweep visits datasets one after another
    loaded.put(key, in);
    return in;
  }

  private Inputs load(DistillRunConfig config, DatasetIndex index, JobContext ctx, Consumer<String> log) throws IOException {
    Knowledge knowledge = null;
    if (config.teacher() != null) {
      log.accept("computing (or reading cached) teacher knowledge for " + index.clips().size() + " clips");
      try (AttentionTeacher t = TeacherStore.load(Path.of(config.teacher()), config.engineOrCurrent())) {
        knowledge =
            new KnowledgeCache(workspace.knowledgeCache())
                .get(t, KnowledgeCache.teacherId(Path.of(config.teacher())), index,
                    new FeatureCache(workspace.featureCache()), new AudioDecoder(),
                    RolloutMethod.valueOf(enumName(config.rolloutMethod())),
                    HeadFusion.valueOf(enumName(config.headFusion())), ctx);
      }
    } else if (config.knowledge() != null) {
      try {
        knowledge =
            KnowledgeImport.read(Path.of(config.knowledge()), index, EnumSet.allOf(Split.class),
                RolloutMethod.valueOf(enumName(config.rolloutMethod())),
                HeadFusion.valueOf(enumName(config.headFusion())));
      } catch (KnowledgeFormatException e) {
        throw new IOException(
            config.knowledge() + " cannot be used (" + e.problems().size() + " problems): "
                + String.join("; ", e.problems().subList(0, Math.min(5, e.problems().size()))), e);
      }
    }
    if (knowledge != null) {
      knowledge.warnings().forEach(w -> log.accept("warning: " + w));
    }
    log.accept("loading features of " + index.clips().size() + " clips");
    ClipTensors data =
        ClipTensors.load(index, config.features(), new FeatureCache(workspace.featureCache()), new AudioDecoder(), threads, ctx);
    data.failures().forEach(f -> log.accept("skipped " + f.reason()));
    return new Inputs(index, data, knowledge);
  }

  private static String enumName(String cli) {
    return cli.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /**
   * Creates a run in {@code store} and trains it to the end.
   *
   * @throws CancelledException when cancelled: the run folder says so and can be resumed
   */
  public Outcome start(DistillRunConfig config, DatasetIndex index, RunStore store, JobContext ctx, Consumer<String> log)
      throws IOException {
    return start(config, index, store, ctx, log, folder -> {});
  }

  /** As above; {@code created} gets the run folder as soon as it exists (so a UI can follow it). */
  public Outcome start(
      DistillRunConfig launched, DatasetIndex index, RunStore store, JobContext ctx, Consumer<String> log, Consumer<Path> created)
      throws IOException {
    DistillRunConfig config =
        launched.engineVersion() == null ? launched.withEngineVersion(Engines.version(launched.engineOrCurrent())) : launched;
    List<String> problems = config.validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    // What is said before the folder exists goes into its log.txt too, once it does.
    List<String> early = new java.util.ArrayList<>();
    Consumer<String> before = line -> {
      early.add(line);
      log.accept(line);
    };
    Inputs in = inputs(config, index, ctx, before);
    StudentTrainer trainer = trainer(config, in);
    trainer.warnings().forEach(wn -> before.accept("warning: " + wn));
    StudentCost cost = StudentCost.of(config.studentSpec(), frames(config, in));
    before.accept(String.format(java.util.Locale.ROOT,
        "student %s (%s): %,d parameters, %.2f M MACs per clip, %,d bytes fp32, %,d bytes int8",
        config.student(), config.studentSpec().preset(), cost.parameters(), cost.macsPerClip() / 1e6,
        cost.bytesFp32(), cost.bytesInt8()));
    String hint = config.student() + "-l" + config.lambda() + "-" + config.target() + "-s" + config.seed();
    try (RunWriter w = store.create(hint, Json.mapper().convertValue(config, Map.class), StudentTrainer.COLUMNS)) {
      for (String line : early) {
        w.log(line);
      }
      Consumer<String> both = teeTo(w, log);
      both.accept("run folder: " + w.folder());
      created.accept(w.folder());
      return drive(w, config, in, trainer, null, ctx, both);
    }
  }

  /** Continues the run in {@code folder} from its newest checkpoint (from scratch without one). */
  public Outcome resume(Path folder, RunStore store, JobContext ctx, Consumer<String> log) throws IOException {
    RunInfo info = RunStore.read(folder);
    DistillRunConfig config = Json.mapper().treeToValue(info.config(), DistillRunConfig.class);
    List<String> problems = config.validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(folder.resolve(RunStore.CONFIG_FILE) + ": " + String.join("; ", problems));
    }
    DatasetIndex index = index(config, ctx);
    try (RunWriter w = store.reopen(folder)) {
      log = teeTo(w, log);
      Inputs in = inputs(config, index, ctx, log);
      StudentTrainer trainer = trainer(config, in);
      for (String wn : trainer.warnings()) {
        log.accept("warning: " + wn);
      }
      StudentTrainer.Resume resume = null;
      var checkpoint = w.latestCheckpoint();
      if (checkpoint.isPresent()) {
        resume = StudentTrainer.Resume.read(checkpoint.get().folder());
        w.rewindTo(resume.epoch()); // rows of an epoch that never reached its checkpoint go
        log.accept("resuming after epoch " + resume.epoch() + " of " + config.training().epochs());
      } else {
        w.rewindTo(0);
        log.accept("no checkpoint yet: starting again from epoch 1");
      }
      return drive(w, config, in, trainer, resume, ctx, log);
    }
  }

  /** {@code log}, and each line also into the run's log.txt (a failed write is not worth a failed run). */
  private static Consumer<String> teeTo(RunWriter w, Consumer<String> log) {
    return line -> {
      log.accept(line);
      try {
        w.log(line);
      } catch (IOException | IllegalStateException e) {
        // The console still has it.
      }
    };
  }

  private static StudentTrainer trainer(DistillRunConfig config, Inputs in) {
    Knowledge k = in.knowledge();
    return new StudentTrainer(in.data(), k == null ? null : k.clips(), k == null ? null : k.classes(), config.features(), config.settings());
  }

  private Outcome drive(RunWriter w, DistillRunConfig config, Inputs in, StudentTrainer trainer, StudentTrainer.Resume resume, JobContext ctx,
      Consumer<String> log) throws IOException {
    String metric = in.data().multiLabel() ? "mAP" : "accuracy";
    w.start(config.training().epochs(), metric);
    log.accept("training on " + Engines.describe(config.engineOrCurrent()) + ", device " + Engines.currentDevice());
    try {
      StudentTrainer.Summary s = trainer.train(w, ctx, resume, row -> log.accept(describe(row, config.training().epochs())));
      if (s.stopped() != null) {
        log.accept("stopped: " + s.stopped());
      }
      w.writeSummary(summary(config, in, s));
      w.finish();
      return new Outcome(w.folder(), s);
    } catch (CancelledException e) {
      w.cancel();
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      w.fail(e.getMessage() == null ? e.toString() : e.getMessage());
      throw e;
    }
  }

  /** "epoch 3/30 validation: loss 1.2345 (cls 1.1, att 0.41), accuracy 0.5333". */
  static String describe(Map<String, Object> row, int epochs) {
    StringBuilder b = new StringBuilder();
    b.append("epoch ").append(row.get("epoch")).append('/').append(epochs).append(' ').append(row.get("split"));
    b.append(String.format(java.util.Locale.ROOT, ": loss %.4f (cls %.4f", (Double) row.get("loss"), (Double) row.get("loss_cls")));
    double att = (Double) row.get("loss_att");
    if (!Double.isNaN(att)) {
      b.append(String.format(java.util.Locale.ROOT, ", att %.4f", att));
    }
    double logit = (Double) row.get("loss_logit");
    if (!Double.isNaN(logit)) {
      b.append(String.format(java.util.Locale.ROOT, ", logit %.4f", logit));
    }
    b.append(')');
    for (String metric : new String[] {"accuracy", "map"}) {
      Object v = row.get(metric);
      if (v instanceof Double d && !Double.isNaN(d)) {
        b.append(String.format(java.util.Locale.ROOT, ", %s %.4f", metric.equals("map") ? "mAP" : metric, d));
      }
    }
    if (row.get("split").equals("train")) {
      b.append(String.format(java.util.Locale.ROOT, ", lr %.2e, %.1f s", (Double) row.get("lr"), (Double) row.get("seconds")));
    }
    return b.toString();
  }

  /** The longest clip's frames (at least what the student needs): what cost and latency are for. */
  private static int frames(DistillRunConfig config, Inputs in) {
    int frames = 1;
    for (float[][] f : in.data().features()) {
      frames = Math.max(frames, f.length);
    }
    return Math.max(frames, Students.minFrames(config.studentSpec()));
  }

  private static Map<String, Object> summary(DistillRunConfig config, Inputs in, StudentTrainer.Summary s) {
    int frames = frames(config, in);
    StudentCost cost = StudentCost.of(config.studentSpec(), frames);
    String engine = config.engineOrCurrent();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("best_epoch", s.bestEpoch());
    m.put("epochs_run", s.epochsRun());
    m.put("metric", s.metricName());
    m.put("validation_metric", s.bestValidationMetric());
    m.put("test_metric", s.testMetric());
    m.put("seconds", s.seconds());
    if (s.stopped() != null) {
      m.put("stopped", s.stopped());
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("parameters", cost.parameters());
    c.put("macs_per_clip", cost.macsPerClip());
    c.put("bytes_fp32", cost.bytesFp32());
    c.put("bytes_int8", cost.bytesInt8());
    c.put("frames", frames);
    c.put("latency_ms", LatencyBenchmark.measure(config.studentSpec(), frames, 20, engine));
    m.put("cost", c);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("train", in.data().indices(Split.TRAIN).length);
    counts.put("validation", in.data().indices(Split.VALIDATION).length);
    counts.put("test", in.data().indices(Split.TEST).length);
    m.put("clips", counts);
    m.put("skipped_clips", in.data().failures().size());
    m.put("engine", Engines.describe(s.engine()));
    m.put("device", Engines.currentDevice());
    return m;
  }
}
