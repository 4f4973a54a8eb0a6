package org.tkdworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** CONTRACT PLACEHOLDER: filled in by the teacher work. */
@Command(name = "attention", mixinStandardHelpOptions = true, description = "Write a clip's rollout curve at the teacher's token times.")
final class TeacherAttentionCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
