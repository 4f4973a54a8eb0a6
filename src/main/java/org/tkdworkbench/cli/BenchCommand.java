package org.tkdworkbench.cli;

import picocli.CommandLine.Command;

/** {@code bench ...}: benchmark commands whose numbers go into the README. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed on this machine (numbers for the README).",
    subcommands = {BenchFeaturesCommand.class, BenchIndexCommand.class, BenchStudentsCommand.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: choose one of the commands below.");
  }
}
