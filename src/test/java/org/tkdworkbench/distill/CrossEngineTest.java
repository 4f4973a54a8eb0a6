package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.DjlAttentionTeacher;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.models.TeacherStore;

/**
 * Both engines in one process, whatever the default: the toy teacher trained with the same seed on
 * MXNet and on PyTorch reaches the same accuracy band (not the same bits: the kernels differ), its
 * spec names the engine, and a teacher saved by one engine loads on the other with the same
 * outputs (DJL's parameter format is engine-neutral: teachers are converted, not refused).
 */
@Tag("engine")
class CrossEngineTest {
  @TempDir static Path shared;
  static ToyTask toy;
  static TeacherTrainer.Summary onMxnet;
  static TeacherTrainer.Summary onPytorch;
  static final List<EpochMetrics> mxEpochs = new ArrayList<>();
  static final List<EpochMetrics> ptEpochs = new ArrayList<>();

  @BeforeAll
  static void trainOnBoth() throws IOException {
    toy = new ToyTask(1000, 40, 60, 42);
    onMxnet = train(Engines.MXNET, mxEpochs);
    onPytorch = train(Engines.PYTORCH, ptEpochs);
  }

  private static TeacherTrainer.Summary train(String engine, List<EpochMetrics> epochs) throws IOException {
    return TeacherTrainer.train(
        toy.data, ToyTask.FEATURES, "toy", TeacherTrainerTest.SMALL, TeacherTrainerTest.TRAINING,
        shared.resolve(Engines.cliName(engine)), JobContext.none(), epochs::add, engine);
  }

  @Test
  void sameSeedReachesTheSameAccuracyBandOnBothEngines() throws IOException {
    System.out.printf(java.util.Locale.ROOT, "toy teacher, same seed: MXNet test %.3f (val %.3f), PyTorch test %.3f (val %.3f)%n",
        onMxnet.testMetric(), onMxnet.bestValidationMetric(), onPytorch.testMetric(), onPytorch.bestValidationMetric());
    assertThat(onMxnet.testMetric()).as("MXNet test accuracy").isGreaterThan(0.85);
    assertThat(onPytorch.testMetric()).as("PyTorch test accuracy").isGreaterThan(0.85);
    assertThat(Math.abs(onMxnet.testMetric() - onPytorch.testMetric())).as("test accuracy gap").isLessThanOrEqualTo(0.1);
    // Same data, seed and schedule: the first epoch's loss agrees closely even though the engines'
    // random initialisers draw different numbers.
    assertThat(ptEpochs.get(0).trainLoss()).isCloseTo(mxEpochs.get(0).trainLoss(), within(0.15));
    assertThat(ptEpochs.get(0).trainLoss()).as("two engines, not one twice").isNotEqualTo(mxEpochs.get(0).trainLoss());
    assertThat(TeacherStore.readSpec(onMxnet.folder()).engine()).isEqualTo("MXNet");
    assertThat(TeacherStore.readSpec(onPytorch.folder()).engine()).isEqualTo("PyTorch");
    assertThat(TeacherStore.readSpec(onPytorch.folder()).engineVersion()).isEqualTo("2.7.1");
  }

  @Test
  void aTeacherSavedByOneEngineGivesTheSameOutputsOnTheOther() throws IOException {
    for (TeacherTrainer.Summary trained : List.of(onMxnet, onPytorch)) {
      int[] test = toy.data.indices(Split.TEST);
      try (AttentionTeacher mx = TeacherStore.load(trained.folder(), Engines.MXNET);
          AttentionTeacher pt = TeacherStore.load(trained.folder(), Engines.PYTORCH)) {
        assertThat(((DjlAttentionTeacher) mx).engine()).isEqualTo(Engines.MXNET);
        assertThat(((DjlAttentionTeacher) pt).engine()).isEqualTo(Engines.PYTORCH);
        for (int k = 0; k < 10; k++) {
          float[][] clip = toy.data.features().get(test[k]);
          TeacherOutput a = mx.infer(clip);
          TeacherOutput b = pt.infer(clip);
          for (int c = 0; c < a.logits().length; c++) {
            assertThat(b.logits()[c]).isCloseTo(a.logits()[c], within(1e-3f));
          }
          double[] ca = Rollout.curve(a.attention(), RolloutMethod.ROLLOUT, HeadFusion.MEAN);
          double[] cb = Rollout.curve(b.attention(), RolloutMethod.ROLLOUT, HeadFusion.MEAN);
          assertThat(cb).hasSameSizeAs(ca);
          for (int t = 0; t < ca.length; t++) {
            assertThat(cb[t]).isCloseTo(ca[t], within(1e-4));
          }
        }
      }
    }
  }

  @Test
  void enginesAndDevicesAreNamedOrRefusedClearly() {
    assertThat(Engines.available()).containsExactly(Engines.MXNET, Engines.PYTORCH);
    assertThat(Engines.canonical("pytorch")).isEqualTo(Engines.PYTORCH);
    assertThat(Engines.canonical("MXNet")).isEqualTo(Engines.MXNET);
    assertThatThrownBy(() -> Engines.canonical("tensorflow"))
        .hasMessage("engine: unknown engine 'tensorflow'; choose mxnet or pytorch");
    assertThat(Engines.device(Engines.MXNET, "cpu").isGpu()).isFalse();
    assertThatThrownBy(() -> Engines.device(Engines.PYTORCH, "cuda:x"))
        .hasMessage("device: 'cuda:x' is not a device; use cpu, gpu, gpu:N or cuda:N");
    // This machine (and CI) has no GPU, and both native libraries here are CPU builds.
    assertThatThrownBy(() -> Engines.device(Engines.PYTORCH, "gpu"))
        .hasMessageStartingWith("device: gpu asked for GPU 0 but PyTorch finds 0 GPUs: the PyTorch native library in this build is the CPU one");
    assertThatThrownBy(() -> Engines.device(Engines.MXNET, "cuda:1"))
        .hasMessageContaining("MXNet finds 0 GPUs: the MXNet engine in this build is CPU-only");
  }
}
