package org.tkdworkbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** CONTRACT PLACEHOLDER: filled in by the datasets work. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Seconds to index a generated tree of FSD50K's size.")
final class BenchIndexCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
