package org.tkdworkbench.models.student;

import ai.djl.Device;
import ai.djl.Model;
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
import java.util.Arrays;
import java.util.Random;
import org.tkdworkbench.models.Engines;

/**
 * Measures a student on this machine: its analytic cost, its single-clip inference latency ({@link
 * LatencyBenchmark}) and its training speed (Adam on cross-entropy, random inputs and labels, each
 * step in its own sub-manager as in real training). Step rate is the median over the timed steps,
 * after two untimed ones, so a neighbour's burst on a shared machine moves it less than a mean.
 */
public final class StudentBenchmark {
  private StudentBenchmark() {}

  /** One student's numbers. */
  public record Result(StudentSpec spec, int frames, StudentCost cost, double latencyMs, int batch, double stepsPerSecond) {}

  /**
   * @param spec the student
   * @param frames frames per clip
   * @param batch clips per training step
   * @param steps timed training steps (0 skips training)
   * @param runs timed inference passes
   */
  public static Result run(StudentSpec spec, int frames, int batch, int steps, int runs) {
    StudentCost cost = StudentCost.of(spec, frames);
    String engine = Engines.current();
    Engines.engine(engine).setRandomSeed(1);
    Random random = new Random(1);
    try (Model model = Engines.newModel("student-bench", engine)) {
      StudentBlock block = Students.newBlock(spec, engine);
      model.setBlock(block);
      Loss loss = Loss.softmaxCrossEntropyLoss();
      Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new Device[] {model.getNDManager().getDevice()}))) {
        trainer.initialize(Students.inputShape(spec, frames));
        double latency = LatencyBenchmark.measure(block, frames, runs);
        double rate = Double.NaN;
        if (steps > 0) {
          double[] seconds = new double[steps];
          for (int i = -2; i < steps; i++) {
            long t0 = System.nanoTime();
            try (NDManager sub = model.getNDManager().newSubManager()) {
              NDArray x = sub.randomNormal(new Shape(batch, frames, spec.mels()));
              float[] y = new float[batch];
              for (int k = 0; k < batch; k++) {
                y[k] = random.nextInt(spec.classes());
              }
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                NDArray l = loss.evaluate(new NDList(sub.create(y)), new NDList(out.head()));
                gc.backward(l);
                l.getFloat();
              }
              trainer.step();
            }
            if (i >= 0) {
              seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
          }
          Arrays.sort(seconds);
          double median = steps % 2 == 1 ? seconds[steps / 2] : (seconds[steps / 2 - 1] + seconds[steps / 2]) / 2;
          rate = 1 / median;
        }
        return new Result(spec, frames, cost, latency, batch, rate);
      }
    }
  }
}
