package org.tkdworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** CONTRACT PLACEHOLDER: filled in by the datasets work. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Print the import report of a dataset folder.")
final class DatasetInspectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
