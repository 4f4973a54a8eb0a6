package org.tkdworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** CONTRACT PLACEHOLDER: filled in by the datasets work. */
@Command(name = "noisy", mixinStandardHelpOptions = true, description = "Build a noisy-keyword variant of a dataset.")
final class DatasetNoisyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
