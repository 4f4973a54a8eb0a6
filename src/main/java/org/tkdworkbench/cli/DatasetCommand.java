package org.tkdworkbench.cli;

import picocli.CommandLine.Command;

/** {@code dataset ...}: inspect a dataset folder, build a noisy variant. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Inspect dataset folders, build noisy variants, precompute features.",
    subcommands = {
      DatasetInspectCommand.class,
      DatasetNoisyCommand.class,
      DatasetFeaturesCommand.class
    })
final class DatasetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing dataset command: choose one of the commands below.");
  }
}
