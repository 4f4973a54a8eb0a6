package org.tkdworkbench.distill;

import ai.djl.training.tracker.Tracker;

/** The learning-rate schedule every training here uses, defined once. */
final class LearningRates {
  private LearningRates() {}

  /**
   * Adam's rate: a linear warm-up from 1 % of {@code peak} over the first epoch (at most 200
   * steps), then a cosine decay to 1 % of {@code peak} at {@code totalSteps}.
   */
  static Tracker warmUpCosine(double peak, int totalSteps, int stepsPerEpoch) {
    float lr = (float) peak;
    int warmUp = Math.min(200, stepsPerEpoch);
    Tracker cosine =
        Tracker.cosine()
            .setBaseValue(lr)
            .optFinalValue(lr * 0.01f)
            .setMaxUpdates(Math.max(1, totalSteps - warmUp))
            .build();
    return Tracker.warmUp()
        .optWarmUpBeginValue(lr * 0.01f)
        .optWarmUpSteps(warmUp)
        .setMainTracker(cosine)
        .build();
  }
}
