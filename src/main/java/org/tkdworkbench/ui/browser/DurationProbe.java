package org.tkdworkbench.ui.browser;

import java.nio.file.Path;

/** Reads a file's duration from its header only (the decoder's {@code probe}); runs in a job. */
@FunctionalInterface
public interface DurationProbe {
  double seconds(Path file) throws Exception;
}
