package org.tkdworkbench.distill;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.models.student.StudentSpec;

/**
 * Everything a distillation run was started with: written as the run's {@code run.json} (complete,
 * so {@code resume} rebuilds the run from it alone, and pandas or a script can read it), with the
 * student's CLI name and λ under the plain keys {@code student} and {@code lambda}.
 *
 * @param student the student's CLI name ({@code tc-resnet}, …)
 * @param lambda λ, the attention term's weight
 * @param alpha α, the logit term's weight (0 = off)
 * @param temperature T of the logit term
 * @param target {@code teacher}, {@code energy}, {@code uniform} or {@code shuffled}
 * @param seed the training seed
 * @param studentSpec architecture, preset, width, depth, mels, classes
 * @param training epochs, batch, learning rate, weight decay, seed, patience
 * @param features the student's log-mel settings
 * @param dataset the dataset folder (absolute)
 * @param layout its layout's CLI name, or {@code auto}
 * @param layoutOptions the layout's choices when not the defaults (an ESC-50 test fold, speaker
 *     folds), else null and not written, so the run re-reads the same splits on resume
 * @param datasetFingerprint {@code DatasetRegistry.fingerprint} when the run started
 * @param teacher the teacher folder the knowledge came from, or null
 * @param teacherId the teacher's id (name + content hash), or null
 * @param knowledge an imported knowledge file, or null
 * @param rolloutMethod how attention became a curve ({@code rollout}, …)
 * @param headFusion how heads were fused ({@code mean}, {@code max})
 * @param energySmoothingSeconds the energy control's smoothing
 * @param engine the DL engine's name
 * @param engineVersion its version
 * @param workbenchVersion this program's version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistillRunConfig(
    @JsonProperty("student") String student,
    @JsonProperty("lambda") double lambda,
    @JsonProperty("alpha") double alpha,
    @JsonProperty("temperature") double temperature,
    @JsonProperty("target") String target,
    @JsonProperty("seed") long seed,
    @JsonProperty("student_spec") StudentSpec studentSpec,
    @JsonProperty("training") TrainingConfig training,
    @JsonProperty("features") FeatureSpec features,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("layout") String layout,
    @JsonProperty("layout_options") @JsonInclude(JsonInclude.Include.NON_NULL) LayoutOptions layoutOptions,
    @JsonProperty("dataset_fingerprint") String datasetFingerprint,
    @JsonProperty("teacher") String teacher,
    @JsonProperty("teacher_id") String teacherId,
    @JsonProperty("knowledge") String knowledge,
    @JsonProperty("rollout_method") String rolloutMethod,
    @JsonProperty("head_fusion") String headFusion,
    @JsonProperty("energy_smoothing_s") double energySmoothingSeconds,
    @JsonProperty("engine") String engine,
    @JsonProperty("engine_version") String engineVersion,
    @JsonProperty("workbench_version") String workbenchVersion) {

  /**
   * A complete config for a new run on this machine: the student's CLI name and the seed are taken
   * from {@code spec} and {@code training}, paths made absolute, the engine and program versions
   * filled in. What the CLI and the app's designer both start runs from.
   *
   * @param teacher a teacher folder, or null
   * @param teacherId its id ({@code KnowledgeCache.teacherId}), or null
   * @param knowledge an imported knowledge file, or null
   */
  public static DistillRunConfig of(
      StudentSpec spec,
      TrainingConfig training,
      FeatureSpec features,
      DistillationLoss.Weights weights,
      AttentionTarget target,
      java.nio.file.Path dataset,
      String layout,
      String fingerprint,
      java.nio.file.Path teacher,
      String teacherId,
      java.nio.file.Path knowledge,
      RolloutMethod method,
      HeadFusion fusion,
      double energySmoothingSeconds) {
    return new DistillRunConfig(
        spec.architecture().cliName(), weights.lambda(), weights.alpha(), weights.temperature(), target.cliName(),
        training.seed(), spec, training, features, absolute(dataset), layout, null, fingerprint, absolute(teacher), teacherId,
        absolute(knowledge), cliName(method), cliName(fusion), energySmoothingSeconds,
        // The version is filled in when the run starts (withEngineVersion): asking for it loads the
        // engine's native library, which must not happen on the UI thread that launches a run.
        Engines.current(), null, org.tkdworkbench.BuildInfo.version());
  }

  private static String absolute(java.nio.file.Path p) {
    return p == null ? null : p.toAbsolutePath().normalize().toString();
  }

  /** {@code MEAN_OF_LAYERS} as {@code mean-of-layers}. */
  public static String cliName(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * This config with the dataset's fingerprint and the teacher's id filled in (what the app learns
   * only in the job that starts the run, because both read files).
   */
  public DistillRunConfig withIds(String fingerprint, String teacherIdentity) {
    return new DistillRunConfig(
        student, lambda, alpha, temperature, target, seed, studentSpec, training, features, dataset, layout, layoutOptions, fingerprint,
        teacher, teacherIdentity, knowledge, rolloutMethod, headFusion, energySmoothingSeconds, engine, engineVersion,
        workbenchVersion);
  }

  /** This config with its engine's version recorded (read in the job that starts the run). */
  public DistillRunConfig withEngineVersion(String version) {
    return new DistillRunConfig(
        student, lambda, alpha, temperature, target, seed, studentSpec, training, features, dataset, layout, layoutOptions, datasetFingerprint,
        teacher, teacherId, knowledge, rolloutMethod, headFusion, energySmoothingSeconds, engine, version, workbenchVersion);
  }

  /**
   * This config reading its dataset with {@code options} (null or the defaults: recorded as
   * absent, as runs before this field were).
   */
  public DistillRunConfig withLayoutOptions(LayoutOptions options) {
    LayoutOptions o = options == null || options.equals(LayoutOptions.defaults()) ? null : options;
    return new DistillRunConfig(
        student, lambda, alpha, temperature, target, seed, studentSpec, training, features, dataset, layout, o,
        datasetFingerprint, teacher, teacherId, knowledge, rolloutMethod, headFusion, energySmoothingSeconds, engine,
        engineVersion, workbenchVersion);
  }

  /** The layout's choices this run reads its dataset with (the defaults when none were recorded). */
  public LayoutOptions layoutOptionsOrDefaults() {
    return layoutOptions == null ? LayoutOptions.defaults() : layoutOptions;
  }

  /** The loss weights. */
  public DistillationLoss.Weights weights() {
    return new DistillationLoss.Weights(lambda, alpha, temperature);
  }

  /** The engine this run trains on: the recorded one, else (an old run.json) the current one. */
  public String engineOrCurrent() {
    return engine == null ? Engines.current() : Engines.canonical(engine);
  }

  /** The trainer's settings. */
  public StudentTrainer.Settings settings() {
    return new StudentTrainer.Settings(
        studentSpec, training, weights(), AttentionTarget.fromCliName(target), true, energySmoothingSeconds, engine);
  }

  /** Whether the run needs a teacher's knowledge (its curves or its logits). */
  public boolean needsKnowledge() {
    AttentionTarget t = AttentionTarget.fromCliName(target);
    return alpha > 0 || (lambda > 0 && t.usesTeacherCurves());
  }

  /** Every problem, one sentence each naming the field. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    if (studentSpec == null || training == null || features == null || dataset == null) {
      p.add("run.json: student_spec, training, features and dataset are required");
      return p;
    }
    p.addAll(studentSpec.validate());
    p.addAll(training.validate());
    // The teacher's curves are per frame of the clip as it is: a student's input is never
    // shifted, warped or masked (the teacher trainer's augmentations).
    if (training.timeShift() || training.specAugment() > 0 || training.warp() > 0) {
      p.add("training: time_shift, spec_augment and warp train teachers only; a student trains on the clips as they are, found "
          + training.timeShift() + ", " + training.specAugment() + ", " + training.warp());
    }
    p.addAll(features.validate());
    p.addAll(weights().validate());
    try {
      AttentionTarget.fromCliName(target == null ? "" : target);
    } catch (IllegalArgumentException e) {
      p.add(e.getMessage());
    }
    if (engine != null) {
      try {
        Engines.canonical(engine);
      } catch (IllegalArgumentException e) {
        p.add(e.getMessage());
      }
    }
    if (teacher != null && knowledge != null) {
      p.add("teacher/knowledge: give a teacher folder or a knowledge file, not both");
    }
    if (p.isEmpty() && needsKnowledge() && teacher == null && knowledge == null) {
      p.add("teacher: this run needs the teacher's " + (alpha > 0 ? "logits (α > 0)" : "attention curves (λ > 0, target " + target + ")")
          + ": give a teacher folder or a knowledge file");
    }
    if (!(energySmoothingSeconds > 0 && energySmoothingSeconds <= 10)) {
      p.add("energy_smoothing_s: must be in (0, 10] seconds, found " + energySmoothingSeconds);
    }
    return p;
  }
}
