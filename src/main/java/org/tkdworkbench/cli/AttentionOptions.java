package org.tkdworkbench.cli;

import java.util.Locale;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.RolloutMethod;
import picocli.CommandLine.Option;

/** {@code --method} and {@code --fusion}: how attention becomes a curve, for every teacher command. */
final class AttentionOptions {
  @Option(
      names = "--method",
      paramLabel = "METHOD",
      description = "rollout (default), last-layer or mean-of-layers.")
  String method = "rollout";

  @Option(
      names = "--fusion",
      paramLabel = "FUSION",
      description = "How heads are fused: mean (default) or max.")
  String fusion = "mean";

  /** The chosen method; a usage error (exit 2) naming {@code --method} otherwise. */
  RolloutMethod method() {
    return switch (method.strip().toLowerCase(Locale.ROOT)) {
      case "rollout" -> RolloutMethod.ROLLOUT;
      case "last-layer", "last_layer" -> RolloutMethod.LAST_LAYER;
      case "mean-of-layers", "mean_of_layers" -> RolloutMethod.MEAN_OF_LAYERS;
      default ->
          throw new CliUsageException(
              "--method: must be rollout, last-layer or mean-of-layers, found " + method);
    };
  }

  /** The chosen head fusion; a usage error naming {@code --fusion} otherwise. */
  HeadFusion fusion() {
    return switch (fusion.strip().toLowerCase(Locale.ROOT)) {
      case "mean" -> HeadFusion.MEAN;
      case "max" -> HeadFusion.MAX;
      default -> throw new CliUsageException("--fusion: must be mean or max, found " + fusion);
    };
  }

  /** The CLI spelling of a method or fusion, e.g. {@code last-layer}. */
  static String cliName(Enum<?> e) {
    return org.tkdworkbench.distill.DistillRunConfig.cliName(e);
  }
}
