package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The workspace's {@code datasets.json} could not be read as a registry. By the time this is thrown
 * the file has been moved aside (never deleted, never overwritten), so the next call sees an empty
 * registry; the message says where the old file is, so a user can repair it and move it back.
 */
public final class CorruptRegistryException extends IOException {
  private final Path keptAs;

  CorruptRegistryException(Path file, Path keptAs, String problem, Throwable cause) {
    super(
        file
            + " is not a readable dataset registry ("
            + problem
            + "); it was kept as "
            + keptAs.getFileName()
            + " beside it and the registry starts empty. Register the datasets"
            + " again, or repair that file and move it back.",
        cause);
    this.keptAs = keptAs;
  }

  /** Where the unreadable file now is. */
  public Path keptAs() {
    return keptAs;
  }
}
