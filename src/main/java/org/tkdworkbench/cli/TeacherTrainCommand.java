package org.tkdworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** CONTRACT PLACEHOLDER: filled in by the teacher work. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a transformer teacher on a dataset.")
final class TeacherTrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
