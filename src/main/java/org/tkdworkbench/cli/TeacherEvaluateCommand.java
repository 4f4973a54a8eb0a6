package org.tkdworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** CONTRACT PLACEHOLDER: filled in by the teacher work. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Test accuracy and how often the rollout peak falls in the keyword span.")
final class TeacherEvaluateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
