package org.tkdworkbench.cli;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tkdworkbench.BuildInfo;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.distill.AttentionTarget;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillRuns;
import org.tkdworkbench.distill.DistillationLoss;
import org.tkdworkbench.distill.KnowledgeCache;
import org.tkdworkbench.distill.TrainingConfig;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.models.student.StudentSpec;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code distill}: one distillation run into the run store; prints the run folder. */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train a student with temporal knowledge distillation: L_cls + λ·KL(a_T ‖ a_S)"
          + " [+ α·T²·KL(p_T ‖ p_S)]. The run is a folder in the run store (--runs); its path is"
          + " printed on stdout, progress on stderr. Ctrl-C stops it resumably (tkd resume DIR)."
    })
final class DistillCommand implements Callable<Integer> {
  private static final TrainingConfig T = TrainingConfig.defaults();

  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset folder.")
  Path dataset;

  @Option(names = "--layout", paramLabel = "LAYOUT", description = "auto (default), folders, speech-commands, esc50, fsd50k or manifest.")
  String layout = "auto";

  @Option(names = "--teacher", paramLabel = "DIR", description = "A teacher folder: its knowledge (logits, attention curves) is computed once and cached.")
  Path teacher;

  @Option(names = "--knowledge", paramLabel = "FILE", description = "Imported teacher knowledge (.npz, or a folder of CSVs) instead of --teacher.")
  Path knowledge;

  @Mixin AttentionOptions attention;

  @Option(names = "--student", required = true, paramLabel = "NAME", description = "lstm-p, tc-resnet, crnn, att-rnn or mhatt-rnn.")
  String student;

  @Option(names = "--preset", paramLabel = "PRESET", description = "small (default) or paper.")
  String preset = "small";

  @Option(names = "--width", paramLabel = "W", description = "Multiplier on the preset's channels and units (default: ${DEFAULT-VALUE}).")
  double width = 1.0;

  @Option(names = "--depth", paramLabel = "N", description = "Repeated units; 0 = the preset's (default: ${DEFAULT-VALUE}).")
  int depth = 0;

  @Option(names = "--lambda", required = true, paramLabel = "X", description = "Weight λ of the attention term (0 = the plain student).")
  double lambda;

  @Option(names = "--alpha", paramLabel = "A", description = "Weight α of the logit term (default: ${DEFAULT-VALUE}, off).")
  double alpha = 0;

  @Option(names = "--temperature", paramLabel = "T", description = "Temperature of the logit term (default: ${DEFAULT-VALUE}).")
  double temperature = 2.0;

  @Option(names = "--target", paramLabel = "TARGET", description = "teacher (default), or a control: energy, uniform, shuffled.")
  String target = "teacher";

  @Option(names = "--energy-smoothing", paramLabel = "SECONDS", description = "Moving-average width of the energy control (default: ${DEFAULT-VALUE}).")
  double energySmoothing = 0.2;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = T.epochs();

  @Option(names = "--batch-size", paramLabel = "N", description = "Clips per step (default: ${DEFAULT-VALUE}).")
  int batchSize = T.batchSize();

  @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = T.learningRate();

  @Option(names = "--weight-decay", paramLabel = "X", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay = T.weightDecay();

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = T.seed();

  @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without validation improvement; 0 = never (default: ${DEFAULT-VALUE}).")
  int patience = 0;

  @Option(names = "--runs", paramLabel = "DIR", description = "The run store (default: <workspace>/runs).")
  Path runs;

  @Option(names = "--threads", paramLabel = "N", description = "Feature decoding threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin FeatureOptions featureOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>();
    StudentArchitecture arch = null;
    try {
      arch = StudentArchitecture.fromCliName(student);
    } catch (IllegalArgumentException e) {
      problems.add("--student: " + e.getMessage());
    }
    StudentPreset p = null;
    try {
      p = StudentPreset.fromCliName(preset);
    } catch (IllegalArgumentException e) {
      problems.add("--preset: " + e.getMessage());
    }
    AttentionTarget t = null;
    try {
      t = AttentionTarget.fromCliName(target);
    } catch (IllegalArgumentException e) {
      problems.add("--" + e.getMessage());
    }
    if (teacher != null && knowledge != null) {
      problems.add("give --teacher DIR or --knowledge FILE, not both");
    }
    if (threads < 1) {
      problems.add("--threads: must be at least 1, found " + threads);
    }
    String method = AttentionOptions.cliName(attention.method());
    String fusion = AttentionOptions.cliName(attention.fusion());
    DatasetSourceOptions.parseLayout(layout);
    FeatureSpec fs = featureOptions.toSpec();
    TrainingConfig training = new TrainingConfig(epochs, batchSize, learningRate, weightDecay, seed, patience, false);
    if (!problems.isEmpty()) {
      throw new CliUsageException("invalid settings:\n  " + String.join("\n  ", problems));
    }
    // Classes are known once the dataset is read; validate everything else now with a placeholder.
    StudentSpec draft = new StudentSpec(arch, p, width, depth, fs.nMels(), 2);
    DistillRunConfig draftConfig = config(draft, training, fs, null, null);
    List<String> invalid = new ArrayList<>(draftConfig.validate());
    if (!invalid.isEmpty()) {
      throw new CliUsageException("invalid settings:\n  " + String.join("\n  ", invalid));
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = ((WorkbenchCommand) spec.root().userObject()).workspace();
    RunStore store = new RunStore(runs != null ? runs : ws.runs());
    RuntimeSetup.apply();
    DistillRuns distill = new DistillRuns(ws, threads);
    try (CliJob job = CliJob.start(err)) {
      DatasetIndex index;
      try {
        index = distill.index(draftConfig, job);
      } catch (IOException e) {
        err.println("error: cannot read dataset " + dataset + ": " + DatasetSourceOptions.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      Map<Split, Integer> counts = index.countBySplit();
      err.printf(Locale.ROOT, "Distilling into %s %s on %s: %d train, %d validation, %d test clips, %d classes; λ %s, target %s%n",
          p.cliName(), arch.cliName(), index.root(), counts.get(Split.TRAIN), counts.get(Split.VALIDATION),
          counts.get(Split.TEST), index.labels().size(), lambda, t.cliName());
      StudentSpec studentSpec = new StudentSpec(arch, p, width, depth, fs.nMels(), index.labels().size());
      String teacherId = teacher != null && Files.isDirectory(teacher) ? KnowledgeCache.teacherId(teacher) : null;
      DistillRunConfig config = config(studentSpec, training, fs, DatasetRegistry.fingerprint(index), teacherId);
      DistillRuns.Outcome o;
      try {
        o = distill.start(config, index, store, job, line -> {
          err.println(line);
          err.flush();
        });
      } catch (CancelledException e) {
        err.println("cancelled; the run can be resumed: tkd resume <run folder>");
        return WorkbenchCommand.EXIT_FAILED;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return WorkbenchCommand.EXIT_FAILED;
      }
      out.println(o.folder());
      out.printf(Locale.ROOT, "validation %s %s (epoch %d), test %s %s%n",
          o.summary().metricName(), format(o.summary().bestValidationMetric()), o.summary().bestEpoch(),
          o.summary().metricName(), format(o.summary().testMetric()));
      return 0;
    }
  }

  private DistillRunConfig config(StudentSpec s, TrainingConfig training, FeatureSpec fs, String fingerprint, String teacherId) {
    return new DistillRunConfig(
        s.architecture() == null ? student : s.architecture().cliName(),
        lambda, alpha, temperature, target, seed, s, training, fs,
        dataset.toAbsolutePath().normalize().toString(), layout, fingerprint,
        teacher == null ? null : teacher.toAbsolutePath().normalize().toString(), teacherId,
        knowledge == null ? null : knowledge.toAbsolutePath().normalize().toString(),
        AttentionOptions.cliName(attention.method()), AttentionOptions.cliName(attention.fusion()),
        energySmoothing, engineName(), engineVersion(), BuildInfo.version());
  }

  private static String engineName() {
    return Engine.getDefaultEngineName();
  }

  private static String engineVersion() {
    try {
      return Engine.getInstance().getVersion();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
