package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentBlock;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.models.student.StudentSpec;
import org.tkdworkbench.models.student.Students;
import org.tkdworkbench.runs.ClipResults;
import org.tkdworkbench.runs.MetricRow;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.runs.RunWriter;

/**
 * The distillation loop on a generated task: a "tone" (three raised mel bands for 8 frames at a
 * random time) that is low or high, in unit noise; the "teacher" knows where it is (its curve
 * peaks on the tone's tokens) and which it is (logits ±3).
 */
@Tag("engine")
class StudentTrainerTest {
  static final int MELS = 16;
  static final int FRAMES = 48;
  static final int TOKENS = 12; // 4 frames per teacher token

  @TempDir Path tmp;
  /** What the latest {@link #run} reported. */
  private StudentTrainer.Summary lastSummary;

  private record Toy(ClipTensors data, Map<String, ClipKnowledge> knowledge, int[] toneStart) {}

  private static Toy toy(int train, int val, int test, long seed) {
    Random r = new Random(seed);
    List<Clip> clips = new ArrayList<>();
    List<float[][]> feats = new ArrayList<>();
    Map<String, ClipKnowledge> knowledge = new HashMap<>();
    int n = train + val + test;
    int[] starts = new int[n];
    for (int i = 0; i < n; i++) {
      boolean high = i % 2 == 1;
      Split split = i < train ? Split.TRAIN : i < train + val ? Split.VALIDATION : Split.TEST;
      String id = (high ? "high/" : "low/") + i + ".wav";
      clips.add(new Clip(id, Path.of(id), high ? "high" : "low", split));
      float[][] x = new float[FRAMES][MELS];
      for (float[] row : x) {
        for (int m = 0; m < MELS; m++) {
          row[m] = (float) r.nextGaussian();
        }
      }
      int start = r.nextInt(FRAMES - 8);
      starts[i] = start;
      for (int f = start; f < start + 8; f++) {
        for (int m = 0; m < 3; m++) {
          x[f][(high ? 11 : 2) + m] += 3;
        }
      }
      feats.add(x);
      float[] curve = new float[TOKENS];
      double[] times = new double[TOKENS];
      float sum = 0;
      for (int k = 0; k < TOKENS; k++) {
        int centre = k * 4 + 2;
        curve[k] = centre >= start && centre < start + 8 ? 1f : 0.02f;
        sum += curve[k];
        times[k] = centre * 0.01;
      }
      for (int k = 0; k < TOKENS; k++) {
        curve[k] /= sum;
      }
      knowledge.put(id, new ClipKnowledge(id, high ? new float[] {3, -3} : new float[] {-3, 3}, curve, times));
    }
    // classes sorted: "high" is 0, "low" is 1
    return new Toy(new ClipTensors(clips, feats, List.of("high", "low"), false, List.of()), knowledge, starts);
  }

  private static StudentTrainer.Settings settings(StudentArchitecture a, double lambda, boolean probe, int epochs, long seed) {
    return new StudentTrainer.Settings(
        StudentSpec.of(a, StudentPreset.SMALL, MELS, 2),
        new TrainingConfig(epochs, 16, 3e-3, 0, seed, 0),
        new DistillationLoss.Weights(lambda, 0, 1),
        AttentionTarget.TEACHER,
        probe,
        0.2,
        null);
  }

  private static FeatureSpec features() {
    FeatureSpec d = FeatureSpec.defaults();
    return new FeatureSpec(d.sampleRate(), d.nFft(), d.winLength(), d.hopLength(), MELS, d.fmin(), d.fmax());
  }

  private RunInfo run(Toy toy, StudentTrainer.Settings s, String name) throws IOException {
    return run(toy, s, name, toy.knowledge(), List.of("high", "low"));
  }

  /** A whole run in a fresh store, read back from its folder. */
  private RunInfo run(Toy toy, StudentTrainer.Settings s, String name, Map<String, ClipKnowledge> knowledge, List<String> labels)
      throws IOException {
    RunStore store = new RunStore(tmp.resolve("runs"));
    try (RunWriter w = store.create(name, Map.of("student", s.student().architecture().cliName(), "lambda", s.weights().lambda()), StudentTrainer.COLUMNS)) {
      w.start(s.training().epochs(), "accuracy");
      lastSummary = new StudentTrainer(toy.data(), knowledge, labels, features(), s).train(w, JobContext.none(), null);
      w.finish();
      return RunStore.read(w.folder());
    }
  }

  private static List<MetricRow> rows(RunInfo info, String split) {
    return info.metrics().rows().stream().filter(r -> r.text("split").equals(split)).toList();
  }

  /**
   * The same distillation (λ 0.5, same seed) on MXNet and on PyTorch reaches the same accuracy
   * band, for a CNN and for a bidirectional-RNN student (fused block on MXNet, composed on
   * PyTorch); each model really ran on the engine asked for.
   */
  @Test
  void sameSeedReachesTheSameAccuracyBandOnBothEngines() throws Exception {
    Toy toy = toy(96, 24, 24, 1);
    for (StudentArchitecture a : List.of(StudentArchitecture.TC_RESNET, StudentArchitecture.ATT_RNN)) {
      double[] best = new double[2];
      String[] engines = {org.tkdworkbench.models.Engines.MXNET, org.tkdworkbench.models.Engines.PYTORCH};
      for (int e = 0; e < 2; e++) {
        StudentTrainer.Settings d = settings(a, 0.5, true, 6, 3);
        StudentTrainer.Settings s =
            new StudentTrainer.Settings(d.student(), d.training(), d.weights(), d.target(), d.probe(), d.energySmoothingSeconds(), engines[e]);
        RunInfo info = run(toy, s, a.cliName() + "-" + engines[e]);
        assertThat(lastSummary.engine()).as("the engine the model ran on").isEqualTo(engines[e]);
        best[e] = rows(info, "validation").stream().mapToDouble(r -> r.number("accuracy")).max().orElseThrow();
      }
      System.out.printf(java.util.Locale.ROOT, "%s, same seed: best validation accuracy MXNet %.3f, PyTorch %.3f%n", a.cliName(), best[0], best[1]);
      assertThat(best[0]).as(a + " on MXNet").isGreaterThan(0.8);
      assertThat(best[1]).as(a + " on PyTorch").isGreaterThan(0.8);
      assertThat(Math.abs(best[0] - best[1])).as(a + " gap between engines").isLessThanOrEqualTo(0.15);
    }
  }

  @Test
  void distillsTheToyTaskAndExportsAStudentWithoutTheProbe() throws Exception {
    Toy toy = toy(96, 24, 24, 1);
    StudentTrainer.Settings s = settings(StudentArchitecture.TC_RESNET, 0.5, true, 6, 3);
    RunInfo info = run(toy, s, "tc");
    List<MetricRow> val = rows(info, "validation");
    assertThat(val).hasSize(6);
    assertThat(rows(info, "train")).hasSize(6);
    assertThat(rows(info, "train").get(0).number("loss_att")).isFinite().isPositive();
    // The attention term falls as the probe learns where the tone is.
    assertThat(rows(info, "train").get(5).number("loss_att")).isLessThan(rows(info, "train").get(0).number("loss_att"));
    double best = val.stream().mapToDouble(r -> r.number("accuracy")).max().orElseThrow();
    assertThat(best).as("validation accuracy on tone low vs high").isGreaterThan(0.8);
    assertThat(info.checkpoints()).isNotEmpty();
    assertThat(info.student()).isNotNull();

    // The exported student: no probe parameter, and the same logits as the trained network.
    Path student = info.student();
    assertThat(Files.readString(student.resolve(StudentTrainer.STUDENT_SPEC_FILE))).contains("\"architecture\"");
    StudentBlock block = Students.newBlock(s.student());
    try (Model m = Model.newInstance(StudentTrainer.STUDENT_NAME)) {
      m.setBlock(block);
      m.load(student, StudentTrainer.STUDENT_NAME);
      assertThat(block.getParameters().keys()).noneMatch(k -> k.contains("probe") || k.equals("q"));
      try (NDManager sub = m.getNDManager().newSubManager()) {
        float[] x = new float[FRAMES * MELS];
        float[][] clip = toy.data().features().get(100);
        for (int f = 0; f < FRAMES; f++) {
          System.arraycopy(clip[f], 0, x, f * MELS, MELS);
        }
        NDArray in = sub.create(x, new Shape(1, FRAMES, MELS));
        float[] exported = block.forward(new ParameterStore(sub, false), new NDList(in), false).get(0).toFloatArray();
        // ... from the best checkpoint's full network (student + probe)
        DistillNet net = new DistillNet(Students.newBlock(s.student()), true);
        try (Model full = Model.newInstance(StudentTrainer.MODEL_NAME)) {
          full.setBlock(net);
          int bestEpoch = info.status().bestEpoch();
          Path ckpt = info.checkpoints().stream().filter(c -> c.epoch() == bestEpoch).findFirst().orElseThrow().folder();
          full.load(ckpt, StudentTrainer.MODEL_NAME);
          NDList out = net.forward(new ParameterStore(sub, false), new NDList(in), false);
          assertThat(out.get(0).toFloatArray()).containsExactly(exported, within(1e-6f));
          assertThat(out).hasSize(2); // logits and ln a_S: the probe was in training
        }
      }
    }

    // Beside the export: what it did on each validation and test clip, at the best epoch.
    ClipResults.Contents perClip = ClipResults.read(student);
    assertThat(perClip.warnings()).isEmpty();
    assertThat(perClip.clips()).hasSize(48);
    List<ClipResults.Clip> test = perClip.clips().values().stream().filter(c -> c.split().equals("test")).toList();
    assertThat(test).hasSize(24);
    double testAccuracy = rows(info, "test").stream().filter(r -> r.number("epoch") == info.status().bestEpoch()).findFirst().orElseThrow().number("accuracy");
    assertThat(test.stream().filter(ClipResults.Clip::correct).count() / 24.0).isEqualTo(testAccuracy, within(1e-9));
    double toneShare = 0;
    for (ClipResults.Clip c : test) {
      int i = Integer.parseInt(c.clipId().replaceAll("\\D", ""));
      assertThat(c.labels()).containsExactly(i % 2 == 1 ? "high" : "low");
      assertThat(c.probability()).isBetween(0.5, 1.0);
      assertThat(c.times()[0]).isPositive();
      assertThat(c.times()[c.times().length - 1]).isLessThan(FRAMES * 0.01);
      assertThat(java.util.Arrays.stream(c.student()).sum()).isCloseTo(1, within(1e-4));
      // The target is the teacher's curve: its peak lies on the tone (frames start..start+8, 10 ms each).
      double start = toy.toneStart()[i] * 0.01;
      double step = c.times()[1] - c.times()[0];
      assertThat(c.times()[argmax(c.target())]).isBetween(start - step, start + 0.08 + step);
      for (int k = 0; k < c.times().length; k++) {
        if (c.times()[k] >= start && c.times()[k] < start + 0.08) {
          toneShare += c.student()[k] / test.size();
        }
      }
    }
    // The probe learnt where the tone is: more of a_S on it than its 8 of 48 frames.
    assertThat(toneShare).isGreaterThan(8.0 / 48);
  }

  private static int argmax(double[] a) {
    int best = 0;
    for (int k = 1; k < a.length; k++) {
      if (a[k] > a[best]) {
        best = k;
      }
    }
    return best;
  }

  @Test
  void lambdaZeroTrainsWithoutATeacherEvenWhenTheTargetNamesTheTeacher() throws IOException {
    // What the app's designer starts by default in a workspace without teachers: target "teacher",
    // λ = 0, no knowledge. It used to fail at once (no curves to build the logged-only target from).
    Toy toy = toy(32, 8, 8, 5);
    RunInfo info = run(toy, settings(StudentArchitecture.TC_RESNET, 0, true, 2, 1), "no-teacher", null, null);
    List<MetricRow> train = rows(info, "train");
    assertThat(train).hasSize(2);
    // The logged term is KL(uniform ‖ a_S): finite and at least 0, never part of the loss (λ = 0).
    assertThat(train.get(0).number("loss_att")).isFinite().isGreaterThanOrEqualTo(0);
    assertThat(train.get(0).number("loss")).isEqualTo(train.get(0).number("loss_cls"));
    // The stand-in target in the per-clip results is the uniform curve: 1/T' at every step.
    ClipResults.Clip c = ClipResults.read(info.student()).clips().values().iterator().next();
    for (double v : c.target()) {
      assertThat(v).isCloseTo(1.0 / c.times().length, within(1e-5));
    }
  }

  @Test
  void lambdaZeroGivesTheSameLossesWithAndWithoutTheProbeAndTheSameSeedTheSameCurves() throws IOException {
    Toy toy = toy(48, 16, 16, 2);
    RunInfo withProbe = run(toy, settings(StudentArchitecture.LSTM_P, 0, true, 2, 5), "with");
    RunInfo without = run(toy, settings(StudentArchitecture.LSTM_P, 0, false, 2, 5), "without");
    RunInfo again = run(toy, settings(StudentArchitecture.LSTM_P, 0, true, 2, 5), "again");
    List<MetricRow> a = withProbe.metrics().rows();
    List<MetricRow> b = without.metrics().rows();
    List<MetricRow> c = again.metrics().rows();
    assertThat(a).hasSameSizeAs(b).hasSameSizeAs(c);
    for (int i = 0; i < a.size(); i++) {
      for (String col : List.of("loss", "loss_cls", "accuracy")) {
        double x = a.get(i).number(col);
        if (Double.isNaN(x)) {
          continue;
        }
        assertThat(b.get(i).number(col)).as("row %d %s without the probe", i, col).isCloseTo(x, within(1e-6));
        assertThat(c.get(i).number(col)).as("row %d %s, same seed again", i, col).isEqualTo(x);
      }
      assertThat(b.get(i).text("loss_att")).as("no probe, no attention term").isIn("", "NaN");
      assertThat(a.get(i).number("loss_att")).as("with the probe it is logged").isFinite();
    }
  }

  /** A teacher of other classes used for its curves alone (α = 0) is allowed, with a warning. */
  @Test
  void aTeacherOfOtherClassesUsedForItsCurvesIsWarnedAbout() {
    Toy toy = toy(8, 4, 4, 3);
    StudentTrainer.Settings s = settings(StudentArchitecture.TC_RESNET, 0.25, true, 1, 1);
    assertThat(new StudentTrainer(toy.data(), toy.knowledge(), List.of("high", "low"), features(), s).warnings()).isEmpty();
    assertThat(new StudentTrainer(toy.data(), toy.knowledge(), List.of("dog", "rain"), features(), s).warnings())
        .singleElement().asString()
        .contains("the teacher's classes [dog, rain] are not the dataset's [high, low]").contains("α = 0");
    StudentTrainer.Settings noCurves = settings(StudentArchitecture.TC_RESNET, 0, true, 1, 1);
    assertThat(new StudentTrainer(toy.data(), toy.knowledge(), List.of("dog", "rain"), features(), noCurves).warnings())
        .as("λ = 0: the teacher is not used").isEmpty();
  }

  @Test
  void aCancelledRunResumesFromItsLastCheckpoint() throws IOException {
    Toy toy = toy(48, 16, 16, 3);
    StudentTrainer.Settings s = settings(StudentArchitecture.TC_RESNET, 0.25, true, 3, 7);
    RunStore store = new RunStore(tmp.resolve("runs"));
    Path folder;
    AtomicLong steps = new AtomicLong();
    JobContext cancelInEpoch2 =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            steps.set(done);
          }

          @Override
          public boolean isCancelled() {
            return steps.get() >= 4; // 3 steps per epoch: stop inside epoch 2
          }
        };
    try (RunWriter w = store.create("resume", Map.of("student", "tc-resnet"), StudentTrainer.COLUMNS)) {
      folder = w.folder();
      w.start(3, "accuracy");
      StudentTrainer t = new StudentTrainer(toy.data(), toy.knowledge(), List.of("high", "low"), features(), s);
      assertThatThrownBy(() -> t.train(w, cancelInEpoch2, null)).isInstanceOf(CancelledException.class);
      w.cancel();
    }
    RunInfo stopped = RunStore.read(folder);
    assertThat(stopped.latestCheckpoint().orElseThrow().epoch()).isEqualTo(1);
    assertThat(rows(stopped, "train")).hasSize(1);

    byte[] resumedFrom = params(stopped.latestCheckpoint().orElseThrow().folder());

    try (RunWriter w = store.reopen(folder)) {
      StudentTrainer.Resume resume = StudentTrainer.Resume.read(w.latestCheckpoint().orElseThrow().folder());
      assertThat(resume.epoch()).isEqualTo(1);
      assertThat(resume.step()).isEqualTo(3);
      assertThat(resume.bestEpoch()).isEqualTo(1);
      assertThat(resume.bestLoss()).as("the best validation loss is saved for ties").isFinite();
      new StudentTrainer(toy.data(), toy.knowledge(), List.of("high", "low"), features(), s).train(w, JobContext.none(), resume);
      w.finish();
    }
    RunInfo done = RunStore.read(folder);
    assertThat(rows(done, "train").stream().map(r -> r.text("epoch"))).containsExactly("1", "2", "3");
    assertThat(rows(done, "train").stream().map(r -> r.text("step"))).containsExactly("3", "6", "9");
    assertThat(done.latestCheckpoint().orElseThrow().epoch()).isEqualTo(3);
    // The resumed epochs train the loaded weights: the last checkpoint and the validation loss moved
    // away from epoch 1's (training other, cached arrays left both exactly as they were).
    assertThat(java.util.Arrays.equals(params(done.latestCheckpoint().orElseThrow().folder()), resumedFrom))
        .as("epoch 3's parameters equal epoch 1's").isFalse();
    List<MetricRow> val = rows(done, "validation");
    assertThat(val).hasSize(3);
    assertThat(val.get(2).number("loss")).as("validation loss after the resume").isNotEqualTo(val.get(0).number("loss"));
    assertThat(val.get(1).number("loss")).isNotEqualTo(val.get(0).number("loss"));
  }

  /** A checkpoint's parameter files, concatenated in name order. */
  private static byte[] params(Path checkpoint) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try (var files = Files.list(checkpoint)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".params")).sorted().toList()) {
        all.write(Files.readAllBytes(f));
      }
    }
    assertThat(all.size()).as("parameter files in " + checkpoint).isPositive();
    return all.toByteArray();
  }

  /**
   * A training loss that turns NaN (a training clip poisoned once epoch 1 is validated) stops the
   * run at the best earlier epoch, with no checkpoint of the broken weights (a resume must not start
   * from them); with no earlier epoch the run fails, naming the epoch and the learning rate.
   */
  @Test
  void aDivergedTrainingStopsKeepingTheBestEarlierEpoch() throws IOException {
    Toy toy = toy(48, 8, 8, 5);
    // An LSTM carries a NaN input to the loss; a conv student may not (MXNet's ReLU is max(x, 0),
    // which turns NaN into 0 after batch norm spread it).
    StudentTrainer.Settings s = settings(StudentArchitecture.LSTM_P, 0.5, true, 4, 1);
    float[][] poisoned = toy.data().features().get(toy.data().indices(Split.TRAIN)[0]);
    RunStore store = new RunStore(tmp.resolve("runs"));
    Path folder;
    try (RunWriter w = store.create("diverges", Map.of("student", "lstm-p"), StudentTrainer.COLUMNS)) {
      folder = w.folder();
      w.start(4, "accuracy");
      StudentTrainer t = new StudentTrainer(toy.data(), toy.knowledge(), List.of("high", "low"), features(), s);
      lastSummary = t.train(w, JobContext.none(), null, row -> {
        if (row.get("split").equals("validation") && ((Number) row.get("epoch")).intValue() == 1) {
          poisoned[3][2] = Float.NaN;
        }
      });
      w.finish();
    }
    assertThat(lastSummary.stopped()).isEqualTo("training loss not finite at epoch 2; the best epoch before it (1) is kept");
    assertThat(lastSummary.bestEpoch()).isEqualTo(1);
    assertThat(lastSummary.epochsRun()).as("the sound epochs").isEqualTo(1);
    RunInfo info = RunStore.read(folder);
    assertThat(rows(info, "train")).hasSize(2);
    assertThat(rows(info, "train").get(1).number("loss")).isNaN();
    assertThat(info.latestCheckpoint().orElseThrow().epoch()).as("no checkpoint of the broken weights").isEqualTo(1);

    poisoned[3][2] = Float.NaN; // from the first step on: nothing to keep
    try (RunWriter w = store.create("diverges-at-once", Map.of("student", "lstm-p"), StudentTrainer.COLUMNS)) {
      w.start(4, "accuracy");
      StudentTrainer t = new StudentTrainer(toy.data(), toy.knowledge(), List.of("high", "low"), features(), s);
      assertThatThrownBy(() -> t.train(w, JobContext.none(), null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("training diverged: the training loss is NaN at epoch 1 and no earlier epoch was kept; try a lower --lr (now 0.003)");
    }
  }

  @Test
  void missingKnowledgeAndMismatchedSettingsAreRefusedWithReasons() {
    Toy toy = toy(8, 2, 2, 4);
    Map<String, ClipKnowledge> partial = new HashMap<>(toy.knowledge());
    partial.remove("low/0.wav");
    StudentTrainer.Settings s = settings(StudentArchitecture.TC_RESNET, 0.5, true, 1, 1);
    assertThatThrownBy(() -> new StudentTrainer(toy.data(), partial, List.of("high", "low"), features(), s))
        .hasMessageContaining("teacher: no knowledge for 1 of 12 clips, e.g. low/0.wav");
    assertThatThrownBy(() -> new StudentTrainer(toy.data(), null, null, features(), s))
        .hasMessageContaining("the run needs the teacher's attention curves");
    StudentTrainer.Settings wrongMels =
        new StudentTrainer.Settings(StudentSpec.of(StudentArchitecture.TC_RESNET, StudentPreset.SMALL, 40, 2),
            s.training(), s.weights(), AttentionTarget.UNIFORM, true, 0.2, null);
    assertThatThrownBy(() -> new StudentTrainer(toy.data(), null, null, features(), wrongMels))
        .hasMessageContaining("student.mels: must be the features' n_mels (16), found 40");
  }
}
