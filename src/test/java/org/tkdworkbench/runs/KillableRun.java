package org.tkdworkbench.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for {@link RunStoreKillTest}: creates a run under {@code args[0]}, completes epochs 1
 * and 2 (rows, status, checkpoint), logs the training rows of epoch 3, then hangs inside the
 * epoch-3 checkpoint save after touching {@code args[1]}, waiting to be killed.
 */
public final class KillableRun {
  static final List<String> COLUMNS = List.of("epoch", "step", "split", "loss", "accuracy");
  static final int STEPS = 3;

  private KillableRun() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path ready = Path.of(args[1]);
    RunWriter w =
        new RunStore(root)
            .create("killme", Map.of("student", "lstm-p", "lambda", 0.25, "seed", 1), COLUMNS);
    w.start(10, "val_accuracy");
    for (int epoch = 1; ; epoch++) {
      for (int step = 1; step <= STEPS; step++) {
        w.appendMetrics(row(epoch, step, "train", 1.0 / (epoch + step)));
      }
      if (epoch == 3) {
        w.saveCheckpoint(
            3,
            dir -> {
              Files.writeString(dir.resolve("params"), "half of epoch 3");
              Files.writeString(ready, "hanging");
              while (true) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
      }
      Map<String, Object> val = row(epoch, STEPS, "validation", 0.9 / epoch);
      val.put("accuracy", 0.5 + 0.1 * epoch);
      w.appendMetrics(val);
      w.epochFinished(epoch, 0.5 + 0.1 * epoch, true);
      int e = epoch;
      w.saveCheckpoint(epoch, dir -> Files.writeString(dir.resolve("params"), "epoch " + e));
    }
  }

  static Map<String, Object> row(int epoch, int step, String split, double loss) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("epoch", epoch);
    r.put("step", step);
    r.put("split", split);
    r.put("loss", loss);
    return r;
  }
}
