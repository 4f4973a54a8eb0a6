package org.tkdworkbench.data;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.tkdworkbench.workspace.Workspace;

/**
 * The workspace's list of imported datasets, {@code <workspace>/datasets.json}, written atomically.
 * A corrupt registry file is reported (and kept aside as {@code datasets.json.corrupt-<time>}),
 * never silently emptied.
 *
 * <p>CONTRACT PLACEHOLDER for the datasets issue.
 */
public final class DatasetRegistry {
  private final Workspace workspace;

  public DatasetRegistry(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Every registered dataset, oldest first. */
  public List<RegisteredDataset> list() throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Adds or replaces (same root) a dataset and returns the stored entry (with its id). */
  public RegisteredDataset register(RegisteredDataset entry) throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The entry with this id. */
  public Optional<RegisteredDataset> find(String id) throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** SHA-256 over the sorted clip ids, file sizes and labels of {@code index}. */
  public static String fingerprint(DatasetIndex index) throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
