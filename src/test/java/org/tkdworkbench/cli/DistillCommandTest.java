package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillRuns;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.TeacherStore;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.Json;
import org.tkdworkbench.workspace.Workspace;

class DistillCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path dataset() throws IOException {
    return ToneDataset.write(tmp.resolve("ds"));
  }

  @Test
  void invalidSettingsExitTwoNamingTheOption() throws IOException {
    Path ds = dataset();
    Run r = cli("distill", "--dataset", ds.toString(), "--student", "resnet", "--lambda", "0.5", "--target", "loud");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--student:")
        .contains("lstm-p, tc-resnet, crnn, att-rnn, mhatt-rnn")
        .contains("--target: must be one of teacher, energy, uniform, shuffled, found 'loud'");
    r = cli("distill", "--dataset", ds.toString(), "--student", "tc-resnet", "--lambda", "0.5");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("teacher: this run needs the teacher's attention curves (λ > 0, target teacher)");
    r = cli("distill", "--dataset", ds.toString(), "--student", "tc-resnet", "--lambda", "-1", "--target", "energy");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("loss.lambda: must be in [0, 1000], found -1.0");
    r = cli("distill", "--dataset", ds.toString(), "--student", "tc-resnet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--lambda");
  }

  @Test
  void aOneClassDatasetIsRefusedBeforeAnyClipIsDecoded() throws IOException {
    Path one = tmp.resolve("one");
    for (String split : new String[] {"train", "validation", "test"}) {
      ToneDataset.wav(one.resolve(split + "/low/0.wav"), 300, 1);
    }
    Path runs = tmp.resolve("runs");
    Run r = cli("--workspace", tmp.resolve("ws").toString(), "distill", "--dataset", one.toString(), "--student", "tc-resnet",
        "--lambda", "0", "--target", "uniform", "--epochs", "1", "--runs", runs.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("dataset: has 1 class (low); a single-label classifier needs at least 2")
        .doesNotContain("loading features");
    assertThat(runs).as("no run folder for a run that cannot train").satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Tag("engine")
  @Test
  void distillsWithATeacherIntoTheRunStoreAndRunsListShowsIt() throws IOException {
    Path ds = dataset();
    Path ws = tmp.resolve("ws");
    Path teacher = tmp.resolve("teacher");
    Run t = cli("--workspace", ws.toString(), "teacher", "train", "--dataset", ds.toString(), "--output", teacher.toString(),
        "--model-dim", "8", "--layers", "1", "--heads", "2", "--ff-dim", "16", "--epochs", "2", "--batch-size", "4");
    assertThat(t.code()).as(t.err()).isZero();

    Path runs = tmp.resolve("runs");
    Run r = cli("--workspace", ws.toString(), "distill", "--dataset", ds.toString(), "--teacher", teacher.toString(),
        "--student", "tc-resnet", "--lambda", "0.5", "--alpha", "0.5", "--epochs", "2", "--batch-size", "8",
        "--runs", runs.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path folder = Path.of(r.out().lines().findFirst().orElseThrow());
    assertThat(folder.getParent()).isEqualTo(runs.toAbsolutePath().normalize());
    assertThat(r.out()).containsPattern("validation accuracy [0-9.]+ \\(epoch [12]\\), test accuracy [0-9.]+");
    assertThat(r.err()).contains("epoch 1/2 train: loss").contains(", att ").contains(", logit ").contains("epoch 2/2 validation")
        .containsPattern("student tc-resnet \\(small\\): [0-9,]+ parameters, [0-9.]+ M MACs per clip");

    RunInfo info = RunStore.read(folder);
    assertThat(info.status().state()).isEqualTo(RunState.FINISHED);
    assertThat(info.config().get("student").asText()).isEqualTo("tc-resnet");
    assertThat(info.config().get("lambda").asDouble()).isEqualTo(0.5);
    assertThat(info.config().get("teacher_id").asText()).startsWith("teacher@");
    assertThat(info.config().get("dataset_fingerprint").asText()).isNotBlank();
    JsonNode cost = info.summary().get("cost");
    assertThat(cost.get("parameters").asLong()).isPositive();
    assertThat(cost.get("latency_ms").asDouble()).isPositive();
    assertThat(info.metrics().rows()).hasSizeGreaterThanOrEqualTo(4);

    Run list = cli("runs", "list", "--runs", runs.toString());
    assertThat(list.out()).contains(folder.getFileName().toString()).contains("finished").contains("tc-resnet");
  }

  /**
   * {@code --engine pytorch}: the run trains on PyTorch with a teacher trained on MXNet (its
   * parameters convert), and run.json / summary.json say so; unknown engines and missing GPUs are
   * usage errors naming the option.
   */
  @Tag("engine")
  @Test
  void engineOptionTrainsOnTheChosenEngineAndTheRunRecordsIt() throws IOException {
    String engineBefore = System.getProperty(Engines.ENGINE_PROPERTY);
    try {
      Path ds = dataset();
      Path ws = tmp.resolve("ws");
      Path teacher = tmp.resolve("teacher");
      Run t = cli("--workspace", ws.toString(), "teacher", "train", "--engine", "mxnet", "--dataset", ds.toString(),
          "--output", teacher.toString(), "--model-dim", "8", "--layers", "1", "--heads", "2", "--ff-dim", "16",
          "--epochs", "1", "--batch-size", "4");
      assertThat(t.code()).as(t.err()).isZero();
      assertThat(TeacherStore.readSpec(teacher).engine()).isEqualTo("MXNet");

      Path runs = tmp.resolve("runs");
      Run r = cli("--workspace", ws.toString(), "distill", "--engine", "pytorch", "--device", "cpu", "--dataset", ds.toString(),
          "--teacher", teacher.toString(), "--student", "att-rnn", "--lambda", "0.5", "--epochs", "1", "--batch-size", "8",
          "--runs", runs.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).contains("training on PyTorch 2.7.1, device cpu");
      RunInfo info = RunStore.read(Path.of(r.out().lines().findFirst().orElseThrow()));
      assertThat(info.config().get("engine").asText()).isEqualTo("PyTorch");
      assertThat(info.config().get("engine_version").asText()).isEqualTo("2.7.1");
      assertThat(info.summary().get("engine").asText()).isEqualTo("PyTorch 2.7.1");
      assertThat(info.summary().get("device").asText()).isEqualTo("cpu");

      Run bad = cli("distill", "--engine", "tensorflow", "--dataset", ds.toString(), "--student", "tc-resnet", "--lambda", "0");
      assertThat(bad.code()).isEqualTo(2);
      assertThat(bad.err()).contains("--engine: unknown engine 'tensorflow'; choose mxnet or pytorch");
      Run gpu = cli("bench", "train", "--engine", "pytorch", "--device", "cuda:0", "--student", "tc-resnet", "--steps", "0");
      assertThat(gpu.code()).isEqualTo(2);
      assertThat(gpu.err()).contains("--device: cuda:0 asked for GPU 0 but PyTorch finds 0 GPUs");
    } finally {
      // The CLI's choice is process-wide: give the rest of the suite its engine back.
      if (engineBefore == null) {
        System.clearProperty(Engines.ENGINE_PROPERTY);
      } else {
        System.setProperty(Engines.ENGINE_PROPERTY, engineBefore);
      }
      System.clearProperty(Engines.DEVICE_PROPERTY);
    }
  }

  /** A CRNN run towards the energy control (no teacher needed), as a run.json would hold it. */
  private static DistillRunConfig energyConfig(Path ds, int epochs, String engine) throws IOException {
    return Json.mapper().readValue(
        """
        {"student":"crnn","lambda":0.5,"alpha":0,"temperature":2,"target":"energy","seed":3,
         "student_spec":{"architecture":"CRNN","preset":"SMALL","width":1.0,"depth":0,"mels":40,"classes":2},
         "training":{"epochs":%d,"batch_size":8,"learning_rate":0.003,"weight_decay":0,"seed":3,"patience":0,"time_shift":false},
         "features":{"sample_rate":16000,"n_fft":512,"win_length":400,"hop_length":160,"n_mels":40,"fmin":0.0,"fmax":null},
         "dataset":"%s","layout":"auto","rollout_method":"rollout","head_fusion":"mean","energy_smoothing_s":0.2,
         "engine":%s}
        """.formatted(epochs, ds.toAbsolutePath().toString().replace("\\", "\\\\"), engine == null ? "null" : "\"" + engine + "\""),
        DistillRunConfig.class);
  }

  /** A run launched on one engine (queued, say) trains on it even when the current engine is the other. */
  @Tag("engine")
  @Test
  void aRunTrainsOnTheEngineItWasLaunchedWith() throws IOException {
    Path ds = dataset();
    String other = Engines.current().equals(Engines.MXNET) ? Engines.PYTORCH : Engines.MXNET;
    DistillRunConfig config = energyConfig(ds, 1, other);
    DistillRuns core = new DistillRuns(new Workspace(tmp.resolve("ws")), 2);
    RunStore store = new RunStore(tmp.resolve("runs"));
    core.start(config, core.index(config, JobContext.none()), store, JobContext.none(), line -> {});
    RunInfo info = RunStore.read(store.list().get(0).folder());
    assertThat(info.config().get("engine").asText()).isEqualTo(other);
    assertThat(info.config().get("engine_version").asText()).isEqualTo(Engines.engine(other).getVersion());
    assertThat(info.summary().get("engine").asText()).isEqualTo(other + " " + Engines.engine(other).getVersion());
    assertThat(Engines.current()).isNotEqualTo(other);
  }

  @Tag("engine")
  @Test
  void resumeContinuesACancelledRun() throws IOException {
    Path ds = dataset();
    Path ws = tmp.resolve("ws");
    Path runs = tmp.resolve("runs");
    // A run made by the core and cancelled inside epoch 2 (2 steps per epoch at batch 8).
    Run usage = cli("distill", "--help");
    assertThat(usage.code()).isZero();
    DistillRunConfig config = energyConfig(ds, 3, null);
    DistillRuns core = new DistillRuns(new Workspace(ws), 2);
    AtomicLong steps = new AtomicLong();
    JobContext stopInEpoch2 =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            if (message.startsWith("Epoch 2/")) { // not feature loading's progress
              steps.incrementAndGet();
            }
          }

          @Override
          public boolean isCancelled() {
            return steps.get() >= 1; // one step into epoch 2
          }
        };
    RunStore store = new RunStore(runs);
    try {
      core.start(config, core.index(config, JobContext.none()), store, stopInEpoch2, line -> {});
    } catch (CancelledException expected) {
      // the run folder stays, cancelled
    }
    Path folder = store.list().get(0).folder();
    assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.CANCELLED);

    Run r = cli("--workspace", ws.toString(), "resume", folder.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("resuming after epoch 1 of 3").contains("epoch 3/3 validation");
    RunInfo info = RunStore.read(folder);
    assertThat(info.status().state()).isEqualTo(RunState.FINISHED);
    List<String> epochs =
        info.metrics().rows().stream().filter(x -> x.text("split").equals("train")).map(x -> x.text("epoch")).toList();
    assertThat(epochs).containsExactly("1", "2", "3");

    Run missing = cli("resume", tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("RUN_DIR: must be a run folder").contains("does not exist");
  }
}
