package org.tkdworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tkdworkbench.distill.AttentionTarget;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillationLoss;
import org.tkdworkbench.distill.KnowledgeCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.models.student.StudentSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code distill} and {@code sweep} share: where the teacher's knowledge comes from,
 * the student's size, the loss's other weights, training, features and the run store. What varies
 * across a sweep's cells (student, λ, target, seed, dataset) is each command's own.
 */
final class RunOptions {
  @Option(names = "--layout", paramLabel = "LAYOUT", description = "auto (default), folders, speech-commands, esc50, fsd50k or manifest.")
  String layout = "auto";

  @Option(names = "--teacher", paramLabel = "DIR", description = "A teacher folder: its knowledge (logits, attention curves) is computed once and cached.")
  Path teacher;

  @Option(names = "--knowledge", paramLabel = "FILE", description = "Imported teacher knowledge (.npz, or a folder of CSVs) instead of --teacher.")
  Path knowledge;

  @Mixin AttentionOptions attention;

  @Option(names = "--preset", paramLabel = "PRESET", description = "small (default) or paper.")
  String preset = "small";

  @Option(names = "--width", paramLabel = "W", description = "Multiplier on the preset's channels and units (default: ${DEFAULT-VALUE}).")
  double width = 1.0;

  @Option(names = "--depth", paramLabel = "N", description = "Repeated units; 0 = the preset's (default: ${DEFAULT-VALUE}).")
  int depth = 0;

  @Option(names = "--alpha", paramLabel = "A", description = "Weight α of the logit term (default: ${DEFAULT-VALUE}, off).")
  double alpha = 0;

  @Option(names = "--temperature", paramLabel = "T", description = "Temperature of the logit term (default: ${DEFAULT-VALUE}).")
  double temperature = 2.0;

  @Option(names = "--energy-smoothing", paramLabel = "SECONDS", description = "Moving-average width of the energy control (default: ${DEFAULT-VALUE}).")
  double energySmoothing = 0.2;

  @Option(names = "--runs", paramLabel = "DIR", description = "The run store (default: <workspace>/runs).")
  Path runs;

  @Mixin TrainingOptions training;

  @Mixin FeatureOptions featureOptions;

  @Mixin EngineOptions engineOptions;

  /** Problems of the shared options, named by option. */
  List<String> problems() {
    List<String> p = new ArrayList<>(engineOptions.select());
    try {
      StudentPreset.fromCliName(preset);
    } catch (IllegalArgumentException e) {
      p.add("--preset: " + e.getMessage());
    }
    if (teacher != null && knowledge != null) {
      p.add("give --teacher DIR or --knowledge FILE, not both");
    }
    p.addAll(training.problems());
    attention.method();
    attention.fusion();
    DatasetSourceOptions.parseLayout(layout);
    return p;
  }

  /** The student's architecture from its CLI name; a usage error listing the names otherwise. */
  static StudentArchitecture architecture(String name) {
    try {
      return StudentArchitecture.fromCliName(name);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("--student: " + e.getMessage());
    }
  }

  /** The attention target from its CLI name; a usage error otherwise. */
  static AttentionTarget target(String name) {
    try {
      return AttentionTarget.fromCliName(name);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("--" + e.getMessage());
    }
  }

  FeatureSpec features() {
    return featureOptions.toSpec();
  }

  /** The teacher's id (name + content hash), or null without a teacher folder. */
  String teacherId() throws IOException {
    return teacher != null && Files.isDirectory(teacher) ? KnowledgeCache.teacherId(teacher) : null;
  }

  /**
   * A run's complete config; {@code classes} is the dataset's class count (2 as a placeholder
   * before the dataset is read), {@code fingerprint} null until then.
   */
  DistillRunConfig config(
      StudentArchitecture arch, double lambda, AttentionTarget target, long seed, Path dataset, int classes,
      String fingerprint, String teacherId) {
    FeatureSpec fs = features();
    StudentSpec s = new StudentSpec(arch, StudentPreset.fromCliName(preset), width, depth, fs.nMels(), classes);
    return DistillRunConfig.of(
        s, training.config(seed), fs, new DistillationLoss.Weights(lambda, alpha, temperature), target, dataset, layout, fingerprint,
        teacher, teacherId, knowledge, attention.method(), attention.fusion(), energySmoothing);
  }
}
