package org.tkdworkbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code runs ...}: list and show the distillation runs on disk. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List the runs in the run store and show one of them.",
    subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class})
final class RunsCommand implements Runnable {
  @picocli.CommandLine.Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing runs command: choose one of the commands below.");
  }

  /** {@code --runs DIR}, shared by the subcommands. */
  static final class RootOption {
    @Option(
        names = "--runs",
        paramLabel = "DIR",
        description = "The folder of runs (default: <workspace>/runs).")
    Path runs;

    /** The chosen folder, else the workspace's. */
    Path root(CommandSpec spec) {
      return runs != null ? runs : ((WorkbenchCommand) spec.root().userObject()).workspace().runs();
    }
  }
}
