package org.tkdworkbench.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a dataset folder is organised; each has a reader that turns it into a {@link DatasetIndex}.
 */
public enum Layout {
  /**
   * {@code root/<label>/**}: the first folder below the root is the label, all train; or {@code
   * root/<split>/<label>/**} when every top-level folder is named like a split (train, valid, test,
   * ...).
   */
  FOLDERS("folders"),
  /** Google Speech Commands v1/v2: label folders, split lists, {@code _background_noise_/}. */
  SPEECH_COMMANDS("speech-commands"),
  /** ESC-50: {@code meta/esc50.csv} and {@code audio/}; splits from the chosen folds. */
  ESC50("esc50"),
  /** FSD50K: {@code FSD50K.ground_truth/{dev,eval,vocabulary}.csv}; multi-label. */
  FSD50K("fsd50k"),
  /**
   * A CSV manifest {@code path,label[,split]} relative to its folder; {@code ;} separates labels.
   */
  MANIFEST("manifest");

  private final String cliName;

  Layout(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in JSON, e.g. {@code speech-commands}. */
  public String cliName() {
    return cliName;
  }

  /** The layout with this CLI name (case-insensitive), if any. */
  public static Optional<Layout> fromCliName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.cliName.equals(n)).findFirst();
  }
}
