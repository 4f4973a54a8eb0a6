package org.tkdworkbench.cli;

/** Settings that are invalid in combination or value; the CLI prints them and exits 2. */
final class CliUsageException extends RuntimeException {
  CliUsageException(String message) {
    super(message);
  }
}
