package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.tkdworkbench.models.Engines;

/** Measures how long one clip takes through a student on this machine (its engine and device). */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  /**
   * Median latency of a fresh student of {@code spec} (random weights: they do not change the cost)
   * over {@code runs} passes of a {@code frames}-frame clip, as {@link #measure(StudentBlock, int,
   * int)}.
   */
  public static double measure(StudentSpec spec, int frames, int runs) {
    return measure(spec, frames, runs, Engines.current());
  }

  /** As {@link #measure(StudentSpec, int, int)}, on {@code engine}. */
  public static double measure(StudentSpec spec, int frames, int runs, String engine) {
    StudentBlock block = Students.newBlock(spec, engine);
    try (NDManager m = NDManager.newBaseManager(Engines.device(engine), engine)) {
      block.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, Students.inputShape(spec, frames));
      return measure(block, frames, runs);
    }
  }

  /**
   * Median single-clip forward latency in milliseconds, in inference mode (no dropout, batch-norm
   * running statistics), after {@code max(3, runs / 5)} warm-up passes; each pass reads the logits
   * back so the engine's asynchronous work is included. Every pass runs in its own sub-manager.
   *
   * @param block an initialised student
   * @param frames frames per clip
   * @param runs timed passes (at least 1)
   */
  public static double measure(StudentBlock block, int frames, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs: must be at least 1, found " + runs);
    }
    int mels = block.spec().mels();
    int warmUp = Math.max(3, runs / 5);
    double[] ms = new double[runs];
    // The inputs live where the block's parameters do (its engine and device).
    NDManager owner = block.getParameters().valueAt(0).getArray().getManager();
    try (NDManager base = NDManager.newBaseManager(owner.getDevice(), owner.getEngine().getEngineName())) {
      for (int i = -warmUp; i < runs; i++) {
        try (NDManager step = base.newSubManager()) {
          NDArray x = step.randomNormal(new Shape(1, frames, mels));
          x.toFloatArray(); // materialise the input before the clock starts
          long t0 = System.nanoTime();
          NDList out = block.forward(new ParameterStore(step, false), new NDList(x), false);
          out.head().toFloatArray();
          long t1 = System.nanoTime();
          if (i >= 0) {
            ms[i] = (t1 - t0) / 1e6;
          }
        }
      }
    }
    Arrays.sort(ms);
    return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
  }
}
