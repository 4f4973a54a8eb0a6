package org.tkdworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.tkdworkbench.distill.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The optimisation options every training command takes ({@code distill}, {@code sweep},
 * {@code teacher train}): epochs, batch, learning rate, weight decay, patience, and the feature
 * threads. Seeds and augmentations are each command's own ({@code sweep} runs seeds 1..N; only
 * teachers augment).
 */
final class TrainingOptions {
  private static final TrainingConfig T = TrainingConfig.defaults();

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = T.epochs();

  @Option(names = "--batch-size", paramLabel = "N", description = "Clips per step (default: ${DEFAULT-VALUE}).")
  int batchSize = T.batchSize();

  @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = T.learningRate();

  @Option(names = "--weight-decay", paramLabel = "X", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay = T.weightDecay();

  @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without validation improvement; 0 = never (default: ${DEFAULT-VALUE}).")
  int patience = T.patience();

  @Option(names = "--threads", paramLabel = "N", description = "Feature decoding threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** The settings with {@code seed}, no augmentation (the config validates the values). */
  TrainingConfig config(long seed) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, seed, patience);
  }

  /** Problems of the options the config does not hold, named by option. */
  List<String> problems() {
    List<String> p = new ArrayList<>();
    if (threads < 1) {
      p.add("--threads: must be at least 1, found " + threads);
    }
    return p;
  }
}
