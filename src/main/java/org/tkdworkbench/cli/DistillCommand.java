package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.distill.AttentionTarget;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillRuns;
import org.tkdworkbench.distill.TrainingConfig;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.models.student.StudentArchitecture;
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
  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset folder.")
  Path dataset;

  @Option(names = "--student", required = true, paramLabel = "NAME", description = "lstm-p, tc-resnet, crnn, att-rnn or mhatt-rnn.")
  String student;

  @Option(names = "--lambda", required = true, paramLabel = "X", description = "Weight λ of the attention term (0 = the plain student).")
  double lambda;

  @Option(names = "--target", paramLabel = "TARGET", description = "teacher (default), or a control: energy, uniform, shuffled.")
  String target = "teacher";

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = TrainingConfig.defaults().seed();

  @Mixin RunOptions options;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>(options.problems());
    StudentArchitecture arch = null;
    AttentionTarget t = null;
    try {
      arch = RunOptions.architecture(student);
    } catch (CliUsageException e) {
      problems.add(e.getMessage());
    }
    try {
      t = RunOptions.target(target);
    } catch (CliUsageException e) {
      problems.add(e.getMessage());
    }
    if (problems.isEmpty()) {
      // Classes are known once the dataset is read: validate everything else now.
      problems.addAll(options.config(arch, lambda, t, seed, dataset, 2, null, null).validate());
    }
    if (!problems.isEmpty()) {
      throw new CliUsageException("invalid settings:\n  " + String.join("\n  ", problems));
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = ((WorkbenchCommand) spec.root().userObject()).workspace();
    RunStore store = new RunStore(options.runs != null ? options.runs : ws.runs());
    RuntimeSetup.apply();
    DistillRuns distill = new DistillRuns(ws, options.training.threads);
    try (CliJob job = CliJob.start(err)) {
      DatasetIndex index;
      try {
        index = distill.index(options.config(arch, lambda, t, seed, dataset, 2, null, null), job);
      } catch (IOException e) {
        err.println("error: cannot read dataset " + dataset + ": " + DatasetSourceOptions.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      Map<Split, Integer> counts = index.countBySplit();
      err.printf(Locale.ROOT, "Distilling into %s %s on %s: %d train, %d validation, %d test clips, %d classes; λ %s, target %s%n",
          options.preset, arch.cliName(), index.root(), counts.get(Split.TRAIN), counts.get(Split.VALIDATION),
          counts.get(Split.TEST), index.labels().size(), lambda, t.cliName());
      DistillRunConfig config =
          options.config(arch, lambda, t, seed, dataset, index.labels().size(), DatasetRegistry.fingerprint(index), options.teacherId());
      DistillRuns.Outcome o;
      AtomicReference<Path> created = new AtomicReference<>();
      try {
        o = distill.start(config, index, store, job, line -> {
          err.println(line);
          err.flush();
        }, folder -> {
          // On stdout as soon as it exists: a script can follow it, and a cancelled run names it.
          created.set(folder);
          out.println(folder);
          out.flush();
        });
      } catch (CancelledException e) {
        err.println(created.get() == null
            ? "cancelled before the run folder was made; nothing to resume"
            : "cancelled; the run can be resumed: tkd resume " + created.get());
        return WorkbenchCommand.EXIT_FAILED;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return WorkbenchCommand.EXIT_FAILED;
      }
      out.printf(Locale.ROOT, "validation %s %s (epoch %d), test %s %s%n",
          o.summary().metricName(), format(o.summary().bestValidationMetric()), o.summary().bestEpoch(),
          o.summary().metricName(), format(o.summary().testMetric()));
      return 0;
    }
  }

  static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
