package org.tkdworkbench.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a layout reader found in a dataset folder: the labelled clips, the background-noise files
 * (sources for mixing, not a class) and everything it refused, with reasons.
 *
 * <p>An index reads names and metadata only; it never decodes audio. The {@link DatasetImporter}
 * adds what only the audio can tell (duration, rate, unreadable files) in an {@link ImportReport}.
 *
 * @param root the dataset folder (absolute, normalised)
 * @param layout the layout it was read as
 * @param options the layout choices used (ESC-50 folds, manifest name)
 * @param clips every accepted clip, sorted by id
 * @param noiseFiles audio files of noise folders, sorted; never part of {@code clips}
 * @param labels the vocabulary: every class, sorted (may include classes without clips, e.g.
 *     FSD50K's vocabulary.csv)
 * @param multiLabel true when a clip may carry several labels
 * @param refused files and metadata rows left out, each with a reason
 * @param warnings one sentence per kind of non-fatal problem (e.g. list entries naming no clip)
 */
public record DatasetIndex(
    Path root,
    Layout layout,
    LayoutOptions options,
    List<Clip> clips,
    List<Path> noiseFiles,
    List<String> labels,
    boolean multiLabel,
    List<Refusal> refused,
    List<String> warnings) {

  public DatasetIndex {
    clips = List.copyOf(clips);
    noiseFiles = List.copyOf(noiseFiles);
    labels = List.copyOf(labels);
    refused = List.copyOf(refused);
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

  /** The same dataset with other clips (e.g. after the importer refused unreadable ones). */
  public DatasetIndex withClips(List<Clip> keep, List<Refusal> moreRefused) {
    List<Refusal> all = new java.util.ArrayList<>(refused);
    all.addAll(moreRefused);
    return new DatasetIndex(root, layout, options, keep, noiseFiles, labels, multiLabel, all, warnings);
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
        + (refused.isEmpty() ? "" : ", " + refused.size() + " refused")
        + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings");
  }
}
