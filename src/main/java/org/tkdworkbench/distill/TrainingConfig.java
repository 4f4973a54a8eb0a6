package org.tkdworkbench.distill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 * @param specAugment SpecAugment masks per axis and step (0 = off): each training clip gets this
 *     many frequency bands (up to a fifth of the mel bins each) and this many time spans (up to a
 *     twentieth of its frames each) set to the training features' mean (Park et al., 2019)
 * @param warp speaker-like augmentation (0 = off): each training clip is stretched in time and its
 *     mel axis warped, each by a factor uniform in {@code [1 − warp, 1 + warp]} at every step
 *     ({@link Warp})
 */
public record TrainingConfig(
    @JsonProperty("epochs") int epochs,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("seed") long seed,
    @JsonProperty("patience") int patience,
    @JsonProperty("time_shift") boolean timeShift,
    // Absent in files written before they existed: read as 0 (off), what those runs trained with;
    // left out when off, so a run.json is what older versions wrote and read (a sweep's reuse
    // compares run.json trees, and older versions refuse unknown fields).
    @JsonProperty("spec_augment") @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_DEFAULT) int specAugment,
    @JsonProperty("warp") @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_DEFAULT) double warp) {

  /** Most masks per axis {@link #validate()} accepts. */
  public static final int MAX_SPEC_AUGMENT = 10;

  /**
   * Largest {@link #warp()}: slowing a clip down by a factor r pushes its last 1 − r of the
   * window out (the clip keeps its length), so a large warp would cut keywords off.
   */
  public static final double MAX_WARP = 0.3;

  /** Without augmentation. */
  public TrainingConfig(int epochs, int batchSize, double learningRate, double weightDecay, long seed, int patience) {
    this(epochs, batchSize, learningRate, weightDecay, seed, patience, false, 0, 0);
  }

  public static TrainingConfig defaults() {
    return new TrainingConfig(30, 32, 1e-3, 0.0, 1L, 0, true, 0, 0);
  }

  /**
   * A teacher's defaults: {@link #defaults()} with speaker-like warping by up to 10 %. Measured
   * with the default temporal-stem teacher (README, Teacher): on the 4 s noisy sample, whose test
   * speakers are unlike its 26 training speakers, test accuracy 0.69 ± 0.05 over three seeds with
   * it against 0.58 ± 0.05 without; students cannot use it (their targets are per frame).
   */
  public static TrainingConfig teacherDefaults() {
    return defaults().withWarp(0.1);
  }

  /** The same settings with time-shift augmentation on or off. */
  public TrainingConfig withTimeShift(boolean on) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, seed, patience, on, specAugment, warp);
  }

  /** The same settings with {@code masks} SpecAugment masks per axis (0 = off). */
  public TrainingConfig withSpecAugment(int masks) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, seed, patience, timeShift, masks, warp);
  }

  /** The same settings with another seed. */
  public TrainingConfig withSeed(long newSeed) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, newSeed, patience, timeShift, specAugment, warp);
  }

  /** The same settings with speaker-like warping by up to {@code amount} (0 = off). */
  public TrainingConfig withWarp(double amount) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, seed, patience, timeShift, specAugment, amount);
  }

  /** Whether any augmentation is on. */
  public boolean augments() {
    return timeShift || specAugment > 0 || warp > 0;
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
    if (specAugment < 0 || specAugment > MAX_SPEC_AUGMENT) {
      p.add("training.spec_augment: must be in 0.." + MAX_SPEC_AUGMENT + " masks per axis, found " + specAugment);
    }
    if (!(warp >= 0 && warp <= MAX_WARP)) {
      p.add("training.warp: must be in [0, " + MAX_WARP + "], found " + warp);
    }
    return p;
  }
}
