package org.tkdworkbench.distill;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model is trained: Adam with a cosine-decayed learning rate, mini-batches, a seed (same
 * seed, same curves), optional early stopping on the validation metric.
 *
 * @param epochs passes over the training split
 * @param batchSize clips per step
 * @param learningRate Adam's peak learning rate
 * @param weightDecay L2 weight decay (0 = none)
 * @param seed initialisation, shuffling and dropout
 * @param patience epochs without validation improvement before stopping (0 = never)
 * @param timeShift augment training clips by rolling each one in time by a random number of frames
 *     (circularly) at every step; suits clips whose event can be anywhere (keyword in noise)
 */
public record TrainingConfig(
    @JsonProperty("epochs") int epochs,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("seed") long seed,
    @JsonProperty("patience") int patience,
    @JsonProperty("time_shift") boolean timeShift) {

  /** Without time-shift augmentation. */
  public TrainingConfig(int epochs, int batchSize, double learningRate, double weightDecay, long seed, int patience) {
    this(epochs, batchSize, learningRate, weightDecay, seed, patience, false);
  }

  public static TrainingConfig defaults() {
    return new TrainingConfig(30, 32, 1e-3, 0.0, 1L, 0, true);
  }

  /** The same settings with time-shift augmentation on or off. */
  public TrainingConfig withTimeShift(boolean on) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, seed, patience, on);
  }

  /** Every problem, as {@code training.field: rule, found value}. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    if (epochs < 1 || epochs > 10_000) {
      p.add("training.epochs: must be in 1..10000, found " + epochs);
    }
    if (batchSize < 1 || batchSize > 4096) {
      p.add("training.batch_size: must be in 1..4096, found " + batchSize);
    }
    if (!(learningRate > 0 && learningRate < 10)) {
      p.add("training.learning_rate: must be in (0, 10), found " + learningRate);
    }
    if (!(weightDecay >= 0 && weightDecay < 1)) {
      p.add("training.weight_decay: must be in [0, 1), found " + weightDecay);
    }
    if (patience < 0) {
      p.add("training.patience: must be 0 (off) or more, found " + patience);
    }
    return p;
  }
}
