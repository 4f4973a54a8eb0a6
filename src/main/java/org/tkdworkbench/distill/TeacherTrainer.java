package org.tkdworkbench.distill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.models.TeacherConfig;

/**
 * Trains the transformer teacher on a dataset (cross-entropy, or binary cross-entropy when
 * multi-label) and saves it as a folder: parameters, {@code spec.json}, {@code metrics.csv}
 * (appended per epoch), {@code summary.json} (best validation epoch and the test metric there).
 *
 * <p>CONTRACT PLACEHOLDER: the teacher work fills it in.
 */
public final class TeacherTrainer {
  /** What a finished training reports. */
  public record Summary(
      Path folder, int bestEpoch, double bestValidationMetric, double testMetric, String metricName) {}

  private final FeatureCache features;
  private final AudioDecoder decoder;

  public TeacherTrainer(FeatureCache features, AudioDecoder decoder) {
    this.features = features;
    this.decoder = decoder;
  }

  /** Trains and saves into {@code output} (must not exist or be empty); cancellable per batch. */
  public Summary train(
      DatasetIndex dataset,
      FeatureSpec spec,
      TeacherConfig config,
      TrainingConfig training,
      Path output,
      JobContext ctx,
      Consumer<EpochMetrics> onEpoch)
      throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
