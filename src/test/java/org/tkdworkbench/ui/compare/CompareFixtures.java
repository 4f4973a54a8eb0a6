package org.tkdworkbench.ui.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tkdworkbench.runs.ClipResults;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.runs.RunWriter;
import org.tkdworkbench.ui.TestWavs;

/**
 * Finished runs written through the real run store (no training): the config keys, metric rows,
 * summary and per-clip files a distillation run leaves, with chosen numbers.
 */
final class CompareFixtures {
  private CompareFixtures() {}

  /** A two-clip dataset: {@code test/go/a.wav} (a 1 kHz tone, 1 s) and {@code test/no/b.wav} (noise). */
  static Path dataset(Path root) throws Exception {
    TestWavs.write(root.resolve("train/go/t.wav"), TestWavs.tone(800, 1.0));
    TestWavs.write(root.resolve("train/no/u.wav"), TestWavs.noise(1.0, 2));
    TestWavs.write(root.resolve("test/go/a.wav"), TestWavs.tone(1000, 1.0));
    TestWavs.write(root.resolve("test/no/b.wav"), TestWavs.noise(1.0, 1));
    return root;
  }

  /**
   * A finished run: validation accuracy rising to {@code val} at epoch 3, test {@code test}, cost
   * {@code macs}; on clip {@code test/go/a.wav} right or wrong as {@code aRight}, its a_S peaking at
   * step {@code peak} of 4.
   */
  static Path run(Path runs, Path dataset, String student, double lambda, long seed, double val, double test, long macs,
      boolean aRight, int peak) throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("student", student);
    config.put("lambda", lambda);
    config.put("target", "teacher");
    config.put("seed", seed);
    config.put("dataset", dataset.toString());
    config.put("layout", "auto");
    config.put("training", Map.of("epochs", 3, "learning_rate", 0.001));
    List<String> columns = List.of("epoch", "step", "split", "loss", "loss_cls", "loss_att", "accuracy");
    try (RunWriter w = new RunStore(runs).create(student + "-l" + lambda + "-s" + seed, config, columns)) {
      w.start(3, "accuracy");
      for (int e = 1; e <= 3; e++) {
        w.appendMetrics(Map.of("epoch", e, "step", e * 10, "split", "train", "loss", 1.0 / e, "loss_cls", 0.8 / e, "loss_att", 0.2 / e));
        w.appendMetrics(Map.of("epoch", e, "step", e * 10, "split", "validation", "loss", 1.2 / e, "loss_cls", 1.0 / e, "accuracy", val * e / 3));
        w.epochFinished(e, val * e / 3, true);
      }
      double[] times = {0.125, 0.375, 0.625, 0.875};
      double[] aS = new double[4];
      aS[peak] = 0.7;
      for (int k = 0; k < 4; k++) {
        aS[k] += 0.1;
      }
      double[] aT = {0.1, 0.6, 0.2, 0.1};
      w.exportStudent(folder -> ClipResults.write(folder, List.of(
          new ClipResults.Clip("test", "test/go/a.wav", List.of("go"), aRight ? "go" : "no", aRight, 0.9, times, aS, aT),
          new ClipResults.Clip("test", "test/no/b.wav", List.of("no"), "no", true, 0.8, times, aS, aT))));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("best_epoch", 3);
      summary.put("validation_metric", val);
      summary.put("test_metric", test);
      summary.put("cost", Map.of("macs_per_clip", macs, "parameters", macs / 100, "bytes_int8", macs / 100, "latency_ms", 1.5));
      w.writeSummary(summary);
      w.finish();
      return w.folder();
    }
  }

  /** A folder in the store whose run.json is cut off. */
  static Path broken(Path runs) throws Exception {
    Path f = runs.resolve("zz-broken");
    Files.createDirectories(f);
    Files.writeString(f.resolve("run.json"), "{ cut");
    return f;
  }
}
