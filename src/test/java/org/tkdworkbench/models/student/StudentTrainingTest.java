package org.tkdworkbench.models.student;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every small student learns a task a student must be able to learn: a "tone" (a few raised mel
 * bands for 12 frames at a random time) that is low (bands 2–4) or high (bands 11–13), in unit
 * Gaussian noise. Chance is ln 2 ≈ 0.69 nats; the mean training loss of the last steps must fall
 * well below both chance and the first steps'.
 */
@Tag("engine")
class StudentTrainingTest {
  static final int MELS = 16;
  static final int FRAMES = 48;
  static final int BATCH = 16;
  static final int STEPS = 30;

  @ParameterizedTest(name = "{0}")
  @EnumSource(StudentArchitecture.class)
  void shortAdamTrainingLowersTheLossOnToneLowVersusHigh(StudentArchitecture a) {
    StudentSpec spec = StudentSpec.of(a, StudentPreset.SMALL, MELS, 2);
    Engine.getInstance().setRandomSeed(5);
    Random random = new Random(11);
    Loss loss = Loss.softmaxCrossEntropyLoss();
    double[] losses = new double[STEPS];
    try (Model model = Model.newInstance("student")) {
      model.setBlock(Students.newBlock(spec));
      Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam))) {
        trainer.initialize(Students.inputShape(spec, FRAMES));
        for (int step = 0; step < STEPS; step++) {
          float[] x = new float[BATCH * FRAMES * MELS];
          float[] y = new float[BATCH];
          for (int i = 0; i < BATCH; i++) {
            y[i] = random.nextInt(2);
            tone(x, i, y[i] == 1, random);
          }
          try (NDManager sub = model.getNDManager().newSubManager()) {
            NDArray input = sub.create(x, new Shape(BATCH, FRAMES, MELS));
            NDArray labels = sub.create(y, new Shape(BATCH));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList out = trainer.forward(new NDList(input));
              NDArray l = loss.evaluate(new NDList(labels), new NDList(out.get(0)));
              gc.backward(l);
              losses[step] = l.getFloat();
            }
            trainer.step();
          }
        }
      }
    }
    double first = mean(losses, 0, 5);
    double last = mean(losses, STEPS - 5, STEPS);
    assertThat(last).as("%s: mean loss of the last 5 steps (first 5: %.3f)", a, first).isLessThan(0.35);
    assertThat(last).as("%s: against the first 5 steps", a).isLessThan(0.6 * first);
  }

  /** Clip {@code i} of the batch: noise, plus +3 on three mel bands for 12 frames at a random start. */
  private static void tone(float[] x, int i, boolean high, Random random) {
    int base = i * FRAMES * MELS;
    for (int k = 0; k < FRAMES * MELS; k++) {
      x[base + k] = (float) random.nextGaussian();
    }
    int start = random.nextInt(FRAMES - 12);
    int band = high ? 11 : 2;
    for (int f = start; f < start + 12; f++) {
      for (int m = band; m < band + 3; m++) {
        x[base + f * MELS + m] += 3f;
      }
    }
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }
}
