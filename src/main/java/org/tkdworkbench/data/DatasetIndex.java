package org.tkdworkbench.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an indexer found in a dataset folder: the labelled clips, the background-noise files
 * (sources for mixing, not a class) and everything it had to skip, in words.
 *
 * @param root the dataset folder (absolute, normalised)
 * @param clips every labelled clip, sorted by id
 * @param noiseFiles audio files of the noise folder, sorted; never part of {@code clips}
 * @param labels the distinct labels of {@code clips}, sorted
 * @param unmatchedListEntries entries of the split lists that name no indexed clip (a file that
 *     does not exist, is hidden, or was refused); they are ignored
 * @param warnings one sentence per kind of problem, for the status bar and the import report
 */
public record DatasetIndex(
    Path root,
    List<Clip> clips,
    List<Path> noiseFiles,
    List<String> labels,
    int unmatchedListEntries,
    List<String> warnings) {

  public DatasetIndex {
    clips = List.copyOf(clips);
    noiseFiles = List.copyOf(noiseFiles);
    labels = List.copyOf(labels);
    warnings = List.copyOf(warnings);
  }

  /** Number of clips in each split; every split is present, possibly with 0. */
  public Map<Split, Integer> countBySplit() {
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      counts.put(s, 0);
    }
    for (Clip c : clips) {
      counts.merge(c.split(), 1, Integer::sum);
    }
    return counts;
  }

  /** One line for a status bar, e.g. "speech: 120 clips, 12 labels (96 train, 12 val, 12 test)". */
  public String summary() {
    Map<Split, Integer> n = countBySplit();
    Path name = root.getFileName();
    return (name == null ? root.toString() : name.toString())
        + ": "
        + clips.size()
        + " clips, "
        + labels.size()
        + " labels ("
        + n.get(Split.TRAIN)
        + " train, "
        + n.get(Split.VALIDATION)
        + " val, "
        + n.get(Split.TEST)
        + " test)"
        + (noiseFiles.isEmpty() ? "" : ", " + noiseFiles.size() + " noise files")
        + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings");
  }
}
