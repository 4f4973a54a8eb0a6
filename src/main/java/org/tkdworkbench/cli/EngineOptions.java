package org.tkdworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.tkdworkbench.models.Engines;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --device}, on every command that builds or trains a model. The
 * choice is the process's ({@link Engines#select}); runs and teachers record it.
 */
final class EngineOptions {
  @Option(names = "--engine", paramLabel = "NAME",
      description = "DJL engine for the models: mxnet (default) or pytorch. A run or teacher records its engine.")
  String engine;

  @Option(names = "--device", paramLabel = "DEVICE",
      description = "cpu (default), gpu, gpu:N or cuda:N; a GPU needs the PyTorch engine with a CUDA native library (README, GPU servers).")
  String device = "cpu";

  /** Makes the choice the process's; the problems, each named by its option (empty when fine). */
  List<String> select() {
    List<String> p = new ArrayList<>();
    if (engine != null) {
      try {
        Engines.select(engine);
      } catch (IllegalArgumentException e) {
        p.add("--" + e.getMessage());
        return p;
      }
    }
    try {
      Engines.selectDevice(device);
    } catch (IllegalArgumentException e) {
      p.add("--" + e.getMessage());
    }
    return p;
  }

  /** {@link #select}, failing as a usage error. */
  void selectOrFail() {
    List<String> p = select();
    if (!p.isEmpty()) {
      throw new CliUsageException(String.join("\n", p));
    }
  }
}
