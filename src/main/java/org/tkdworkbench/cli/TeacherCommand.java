package org.tkdworkbench.cli;

import picocli.CommandLine.Command;

/** {@code teacher ...}: train a transformer teacher, read its attention, evaluate it. */
@Command(
    name = "teacher",
    mixinStandardHelpOptions = true,
    description = "Train a transformer teacher and read its attention over time.",
    subcommands = {TeacherTrainCommand.class, TeacherAttentionCommand.class, TeacherEvaluateCommand.class})
final class TeacherCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing teacher command: choose one of the commands below.");
  }
}
