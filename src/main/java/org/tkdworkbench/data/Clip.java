package org.tkdworkbench.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One labelled audio file of a dataset.
 *
 * @param id the path relative to the dataset root with {@code /} separators, e.g. {@code
 *     yes/0a7c2a8d_nohash_0.wav}; unique within a dataset and stable across machines, so it keys
 *     caches and imported teacher knowledge
 * @param path the absolute path of the file
 * @param label the class name (the first folder below the root)
 * @param split train, validation or test
 */
public record Clip(String id, Path path, String label, Split split) {
  public Clip {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(split, "split");
  }

  /** The file name without folders, e.g. {@code 0a7c2a8d_nohash_0.wav}. */
  public String fileName() {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }
}
