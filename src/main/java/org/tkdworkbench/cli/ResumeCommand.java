package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.distill.DistillRuns;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resume RUN_DIR}: continues an interrupted or cancelled run from its newest checkpoint. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Continue a distillation run (interrupted, cancelled or failed) from its newest checkpoint,"
          + " with the settings in its run.json. Rows of an epoch that never reached its checkpoint"
          + " are dropped and that epoch is trained again."
    })
final class ResumeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
  Path run;

  @Option(names = "--threads", paramLabel = "N", description = "Feature decoding threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--device", paramLabel = "DEVICE",
      description = "cpu (default), gpu, gpu:N or cuda:N. The run continues on the engine in its run.json.")
  String device = "cpu";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The engine in the run's run.json, or null (none recorded, or unreadable: resume says why). */
  private static String runEngine(Path folder) {
    try {
      return RunStore.read(folder).config().path("engine").asText(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new CliUsageException("--threads: must be at least 1, found " + threads);
    }
    if (!Files.isDirectory(run)) {
      throw new CliUsageException("RUN_DIR: must be a run folder, found " + run.toAbsolutePath() + (Files.exists(run) ? " (a file)" : " (does not exist)"));
    }
    Path folder = run.toAbsolutePath().normalize();
    try {
      // The device is checked against the engine the run continues on (its run.json's).
      String engine = runEngine(folder);
      if (engine != null) {
        Engines.select(engine);
      }
      Engines.selectDevice(device);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException((e.getMessage().startsWith("device:") ? "--" : run + ": run.json ") + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = ((WorkbenchCommand) spec.root().userObject()).workspace();
    RunStore store = new RunStore(folder.getParent());
    RuntimeSetup.apply();
    try (CliJob job = CliJob.start(err)) {
      DistillRuns.Outcome o;
      try {
        o = new DistillRuns(ws, threads).resume(folder, store, job, line -> {
          err.println(line);
          err.flush();
        });
      } catch (CancelledException e) {
        err.println("cancelled; resume again with: tkd resume " + folder);
        return WorkbenchCommand.EXIT_FAILED;
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return WorkbenchCommand.EXIT_FAILED;
      } catch (IOException e) {
        err.println("error: cannot resume " + folder + ": " + AtomicFiles.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      out.println(o.folder());
      out.printf(Locale.ROOT, "validation %s %s (epoch %d), test %s %s%n",
          o.summary().metricName(), DistillCommand.format(o.summary().bestValidationMetric()), o.summary().bestEpoch(),
          o.summary().metricName(), DistillCommand.format(o.summary().testMetric()));
      return 0;
    }
  }
}
