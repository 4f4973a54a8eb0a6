package org.tkdworkbench.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One labelled audio file of a dataset.
 *
 * @param id the path relative to the dataset root with {@code /} separators, e.g. {@code
 *     yes/0a7c2a8d_nohash_0.wav}; unique within a dataset and stable across machines, so it keys
 *     caches and imported teacher knowledge
 * @param path the absolute path of the file
 * @param labels the class names, at least one; more than one only in multi-label datasets
 *     (FSD50K, a manifest with {@code ;}-separated labels)
 * @param split train, validation or test
 */
public record Clip(String id, Path path, List<String> labels, Split split) {
  public Clip {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(split, "split");
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("clip " + id + ": needs at least one label");
    }
  }

  /** A single-label clip. */
  public Clip(String id, Path path, String label, Split split) {
    this(id, path, List.of(Objects.requireNonNull(label, "label")), split);
  }

  /** The label for display: the only label, or all of them joined with {@code ;}. */
  public String label() {
    return labels.size() == 1 ? labels.get(0) : String.join(";", labels);
  }

  /** The file name without folders, e.g. {@code 0a7c2a8d_nohash_0.wav}. */
  public String fileName() {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }
}
