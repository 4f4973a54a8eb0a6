package org.tkdworkbench.models.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What runs rely on: checkpoints restore a student exactly, and steps in sub-managers leak nothing. */
@Tag("engine")
class StudentLifecycleTest {
  static final int MELS = 12;
  static final int FRAMES = 30;

  @ParameterizedTest(name = "{0}")
  @EnumSource(StudentArchitecture.class)
  void aSavedStudentReloadsWithTheSameOutputsAndNoLeakedArrays(StudentArchitecture a, @TempDir Path dir) throws Exception {
    StudentSpec spec = StudentSpec.of(a, StudentPreset.SMALL, MELS, 3);
    Engine.getInstance().setRandomSeed(9);
    float[] before;
    try (Model model = Model.newInstance("student")) {
      StudentBlock block = Students.newBlock(spec);
      model.setBlock(block);
      Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-2f)).build();
      Loss loss = Loss.softmaxCrossEntropyLoss();
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam))) {
        trainer.initialize(Students.inputShape(spec, FRAMES));
        block.setInputNormalization(0.5f, 2f);
        step(model, trainer, loss); // creates the optimiser's state
        int arrays = ((BaseNDManager) model.getNDManager()).getManagedArrays().size();
        for (int i = 0; i < 3; i++) {
          step(model, trainer, loss);
        }
        assertThat(((BaseNDManager) model.getNDManager()).getManagedArrays())
            .as("arrays on the model's manager after 3 more steps")
            .hasSize(arrays);
      }
      before = logits(model);
      model.save(dir, "student");
    }
    try (Model reopened = Model.newInstance("student")) {
      StudentBlock block = Students.newBlock(spec);
      reopened.setBlock(block);
      reopened.load(dir, "student");
      assertThat(logits(reopened)).containsExactly(before, org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void latencyIsAPositiveMedianAndNeedsAtLeastOneRun() {
    StudentSpec spec = StudentSpec.of(StudentArchitecture.TC_RESNET, StudentPreset.SMALL, MELS, 3);
    try (NDManager m = NDManager.newBaseManager()) {
      StudentBlock block = Students.newBlock(spec);
      block.initialize(m, DataType.FLOAT32, Students.inputShape(spec, FRAMES));
      assertThat(LatencyBenchmark.measure(block, FRAMES, 5)).isPositive().isFinite();
      assertThatThrownBy(() -> LatencyBenchmark.measure(block, FRAMES, 0)).hasMessageContaining("runs");
    }
  }

  private static void step(Model model, Trainer trainer, Loss loss) {
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDArray x = sub.randomNormal(new Shape(4, FRAMES, MELS));
      NDArray y = sub.create(new float[] {0, 1, 2, 1});
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDList out = trainer.forward(new NDList(x));
        gc.backward(loss.evaluate(new NDList(y), new NDList(out.head())));
      }
      trainer.step();
    }
  }

  /** Inference-mode logits of a fixed input (seeded on its own so both models see the same clip). */
  private static float[] logits(Model model) {
    try (NDManager sub = model.getNDManager().newSubManager()) {
      float[] x = new float[2 * FRAMES * MELS];
      java.util.Random r = new java.util.Random(4);
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      NDArray in = sub.create(x, new Shape(2, FRAMES, MELS));
      return model.getBlock().forward(new ParameterStore(sub, false), new NDList(in), false).head().toFloatArray();
    }
  }
}
