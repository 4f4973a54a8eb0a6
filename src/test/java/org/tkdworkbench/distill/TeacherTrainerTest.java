package org.tkdworkbench.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.models.TeacherOutput;
import org.tkdworkbench.models.TeacherStore;

@Tag("engine")
class TeacherTrainerTest {
  static final TeacherConfig SMALL = new TeacherConfig(2, 2, 16, 2, 2, 32, 0.0);
  static final TrainingConfig TRAINING = new TrainingConfig(8, 16, 5e-3, 0.0, 3, 0);

  @TempDir static Path shared;
  static ToyTask toy;
  static TeacherTrainer.Summary trained;
  static List<EpochMetrics> epochs = new ArrayList<>();

  @BeforeAll
  static void trainOnce() throws IOException {
    // Position is a subtler cue than content: with a few hundred clips the model memorises the
    // noise instead; a thousand make it generalise (measured: validation 0.97 by epoch 4).
    toy = new ToyTask(1000, 40, 60, 42);
    trained =
        TeacherTrainer.train(
            toy.data, ToyTask.FEATURES, "toy", SMALL, TRAINING, shared.resolve("teacher"), JobContext.none(), epochs::add);
  }

  @Test
  void learnsWhenTheToneOccursWellAboveChance() {
    assertThat(trained.metricName()).isEqualTo("accuracy");
    assertThat(trained.bestValidationMetric()).as("validation accuracy").isGreaterThan(0.9);
    assertThat(trained.testMetric()).as("test accuracy").isGreaterThan(0.85);
    assertThat(epochs).hasSize(8);
    assertThat(epochs.get(7).trainLoss()).isLessThan(epochs.get(0).trainLoss());
  }

  /**
   * The teacher looks where the tone is: the attention rollout of c1 (DESIGN §1) peaks within a few
   * tokens of the tone on most clips.
   */
  @Test
  void attentionRolloutPeaksNearTheTone() throws IOException {
    int[] test = toy.data.indices(Split.TEST);
    try (AttentionTeacher t = TeacherStore.load(trained.folder())) {
      List<TeacherOutput> outs = t.inferAll(toy.data.select(test));
      int near = 0;
      for (int k = 0; k < test.length; k++) {
        double[] curve = Rollout.curve(outs.get(k).attention(), RolloutMethod.ROLLOUT, HeadFusion.MEAN);
        int peak = argMax(curve);
        double toneToken = (toy.toneStart[test[k]] + ToyTask.TONE_FRAMES / 2.0 - 1) / SMALL.tokenStride();
        if (Math.abs(peak - toneToken) <= 3) {
          near++;
        }
      }
      assertThat(near / (double) test.length).as("share of clips with the peak near the tone").isGreaterThan(0.7);
    }
  }

  @Test
  void folderHoldsSpecMetricsSummaryAndOneParameterFile() throws IOException {
    Path f = trained.folder();
    assertThat(f).isEqualTo(shared.resolve("teacher"));
    List<String> csv = Files.readAllLines(f.resolve("metrics.csv"));
    assertThat(csv.get(0)).isEqualTo("epoch,train_loss,val_loss,val_metric,lr,seconds");
    assertThat(csv).hasSize(9);
    String summary = Files.readString(f.resolve("summary.json"));
    assertThat(summary).contains("\"best_epoch\" : " + trained.bestEpoch()).contains("\"metric\" : \"accuracy\"");
    try (Stream<Path> s = Files.list(f)) {
      assertThat(s.filter(p -> p.toString().endsWith(".params")).count()).isEqualTo(1);
    }
    try (Stream<Path> s = Files.list(shared)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("teacher");
    }
    assertThat(TeacherStore.readSpec(f).classes()).containsExactly("early", "late");
    assertThat(TeacherStore.readSpec(f).config()).isEqualTo(SMALL);
  }

  @Test
  void savedTeacherReopensWithIdenticalLogits(@TempDir Path tmp) throws IOException {
    float[][] clip = toy.data.features().get(toy.data.indices(Split.TEST)[0]);
    float[] first;
    try (AttentionTeacher t = TeacherStore.load(trained.folder())) {
      first = t.infer(clip).logits();
    }
    try (AttentionTeacher t = TeacherStore.load(trained.folder())) {
      assertThat(t.infer(clip).logits()).containsExactly(first);
      assertThat(t.spec().seed()).isEqualTo(3);
    }
  }

  @Test
  void corruptOrMissingFilesAreIoExceptionsNamingTheFile(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(trained.folder())) {
      for (Path p : s.toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    Files.writeString(copy.resolve("spec.json"), "{ \"schema_version\": 1, \"features\": ", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TeacherStore.load(copy)).isInstanceOf(IOException.class).hasMessageContaining(copy.resolve("spec.json").toString());
    assertThatThrownBy(() -> TeacherStore.readSpec(tmp.resolve("nowhere"))).isInstanceOf(IOException.class).hasMessageContaining("spec.json");

    Files.copy(trained.folder().resolve("spec.json"), copy.resolve("spec.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Stream<Path> s = Files.list(copy)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".params")).toList()) {
        Files.write(p, new byte[] {1, 2, 3});
      }
    }
    assertThatThrownBy(() -> TeacherStore.load(copy)).isInstanceOf(IOException.class).hasMessageContaining(".params");
  }

  @Test
  void sameSeedGivesIdenticalMetrics(@TempDir Path tmp) throws IOException {
    ToyTask small = new ToyTask(48, 16, 0, 7);
    TrainingConfig two = new TrainingConfig(2, 16, 3e-3, 0.0, 9, 0);
    TeacherConfig withDropout = new TeacherConfig(2, 2, 16, 1, 2, 32, 0.1);
    List<EpochMetrics> a = new ArrayList<>();
    List<EpochMetrics> b = new ArrayList<>();
    TeacherTrainer.train(small.data, ToyTask.FEATURES, "toy", withDropout, two, tmp.resolve("a"), JobContext.none(), a::add);
    TeacherTrainer.train(small.data, ToyTask.FEATURES, "toy", withDropout, two, tmp.resolve("b"), JobContext.none(), b::add);
    for (int i = 0; i < 2; i++) {
      assertThat(b.get(i).trainLoss()).isEqualTo(a.get(i).trainLoss());
      assertThat(b.get(i).validationLoss()).isEqualTo(a.get(i).validationLoss());
      assertThat(b.get(i).validationMetric()).isEqualTo(a.get(i).validationMetric());
    }
  }

  @Test
  void cancelMidTrainingLeavesNoFolder(@TempDir Path tmp) {
    ToyTask small = new ToyTask(64, 16, 0, 8);
    AtomicInteger steps = new AtomicInteger();
    JobContext ctx =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            steps.set((int) done);
          }

          @Override
          public boolean isCancelled() {
            return steps.get() >= 5;
          }
        };
    assertThatThrownBy(
            () -> TeacherTrainer.train(small.data, ToyTask.FEATURES, "toy", SMALL, TRAINING, tmp.resolve("out"), ctx, m -> {}))
        .isInstanceOf(CancelledException.class);
    assertThat(tmp).isEmptyDirectory();
  }

  /** A loss that turns NaN stops the training with a message naming the epoch; nothing is left behind. */
  @Test
  void aDivergedTrainingStopsAndSaysWhen(@TempDir Path tmp) {
    ToyTask small = new ToyTask(32, 8, 0, 11);
    small.data.features().get(small.data.indices(Split.TRAIN)[0])[0][0] = Float.NaN; // poisons the normalisation
    assertThatThrownBy(
            () -> TeacherTrainer.train(small.data, ToyTask.FEATURES, "toy", SMALL, new TrainingConfig(3, 16, 3e-3, 0.0, 1, 0),
                tmp.resolve("out"), JobContext.none(), m -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("training diverged: the training loss is NaN at epoch 1 and no earlier epoch was kept; try a lower --lr (now 0.003)");
    assertThat(tmp).isEmptyDirectory();
  }

  /** A loss that turns NaN after a kept epoch stops there; the folder keeps that epoch and says why. */
  @Test
  void aDivergenceAfterAKeptEpochKeepsItAndSaysSo(@TempDir Path tmp) throws IOException {
    ToyTask small = new ToyTask(64, 16, 0, 12);
    float[][] poisoned = small.data.features().get(small.data.indices(Split.TRAIN)[0]);
    TeacherTrainer.Summary s = TeacherTrainer.train(small.data, ToyTask.FEATURES, "toy", SMALL, new TrainingConfig(4, 16, 3e-3, 0.0, 1, 0),
        tmp.resolve("out"), JobContext.none(), m -> poisoned[0][0] = Float.NaN); // after epoch 1
    assertThat(s.bestEpoch()).isEqualTo(1);
    Map<?, ?> summary = org.tkdworkbench.workspace.Json.mapper().readValue(tmp.resolve("out/summary.json").toFile(), Map.class);
    assertThat(summary.get("stopped")).isEqualTo("training loss not finite at epoch 2; the best epoch before it (1) is kept");
    assertThat(summary.get("epochs_run")).as("the sound epochs").isEqualTo(1);
    assertThat(((Map<?, ?>) summary.get("training")).get("learning_rate")).as("the settings trained with").isEqualTo(0.003);
    assertThat(Files.readAllLines(tmp.resolve("out/metrics.csv"))).hasSize(3); // header, epoch 1, epoch 2
    poisoned[0][0] = 0f;
    try (AttentionTeacher reopened = TeacherStore.load(tmp.resolve("out"))) {
      // The kept weights are epoch 1's, not the NaN ones of epoch 2.
      for (TeacherOutput o : reopened.inferAll(small.data.select(small.data.indices(Split.TRAIN)))) {
        for (float z : o.logits()) {
          assertThat(z).isFinite();
        }
      }
    }
  }

  @Test
  void refusesANonEmptyOutputFolder(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("x.txt"), "x");
    assertThatThrownBy(
            () -> TeacherTrainer.train(toy.data, ToyTask.FEATURES, "toy", SMALL, TRAINING, tmp, JobContext.none(), m -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not empty");
  }

  private static int argMax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
