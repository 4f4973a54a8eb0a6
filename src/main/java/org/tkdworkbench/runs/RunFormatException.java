package org.tkdworkbench.runs;

import java.io.IOException;
import java.nio.file.Path;

/** A file of a run folder is missing or unreadable; the message names the file and the problem. */
public final class RunFormatException extends IOException {
  private final Path file;
  private final String problem;

  public RunFormatException(Path file, String problem) {
    this(file, problem, null);
  }

  public RunFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** What is wrong with it, without its path. */
  public String problem() {
    return problem;
  }

  /** {@code run.json: not valid JSON ...}: the file's name and the problem, for a table row. */
  public String shortMessage() {
    return file.getFileName() + ": " + problem;
  }
}
