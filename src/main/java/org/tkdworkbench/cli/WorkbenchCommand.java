package org.tkdworkbench.cli;

/** The top-level CLI command. CONTRACT PLACEHOLDER. */
public final class WorkbenchCommand {
  private WorkbenchCommand() {}

  /** Runs the CLI and returns its exit code. */
  public static int run(String... args) {
    return 2;
  }
}
