package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tkdworkbench.jobs.JobContext;

/**
 * Entry point for reading dataset folders: detects the layout and dispatches to its reader.
 *
 * <p>Readers, one per {@link Layout}: {@code FoldersReader} (folder-per-class, optionally under
 * split folders), {@code SpeechCommandsReader}, {@code Esc50Reader}, {@code Fsd50kReader}, {@code
 * ManifestReader}. They read names and metadata only, never audio; the {@link DatasetImporter}
 * probes the audio afterwards.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * Where the dataset is and how it is laid out, as found from the folder the user chose.
   *
   * @param root the dataset root: the chosen folder, or its only sub-folder when that is a
   *     recognised dataset (the user picked {@code downloads/} holding {@code ESC-50-master/})
   * @param layout the detected layout
   * @param note a sentence for the user when the root moved or the folder looks like part of a
   *     dataset; null otherwise
   * @param ambiguous true when the chosen folder holds several datasets (or a dataset beside other
   *     folders), so reading it as folder-per-class would be a guess; {@code note} says what to do
   */
  public record Detection(Path root, Layout layout, String note, boolean ambiguous) {}

  /**
   * The layout {@code root} most likely has: FSD50K when {@code FSD50K.ground_truth/} exists,
   * ESC-50 when {@code meta/esc50.csv} does, Speech Commands when a split list or {@code
   * _background_noise_/} does, a manifest when the root holds one {@code *.csv} with a {@code path}
   * column, otherwise folder-per-class. Only the folder itself is looked at; {@link #locate} also
   * looks one level down.
   */
  public static Layout detect(Path root) throws IOException {
    return DatasetDetector.detectHere(checkedRoot(root));
  }

  /**
   * Like {@link #detect}, robust to the user choosing the folder above the dataset: when {@code
   * root} is not recognised but its only sub-folder is, that sub-folder is the dataset; when it
   * holds several datasets the detection is {@link Detection#ambiguous()}; when it looks like a
   * folder inside a dataset (e.g. ESC-50's {@code audio/}) the note says which folder to choose.
   */
  public static Detection locate(Path root) throws IOException {
    return DatasetDetector.locate(checkedRoot(root));
  }

  /**
   * Reads {@code root} as {@code layout} ({@code null} = detect). Names and metadata only; never
   * decodes audio. One bad file or row never aborts: it becomes a {@link Refusal}.
   *
   * <p>With {@code layout == null} the dataset is {@link #locate located} first: the index's root
   * may then be a sub-folder of {@code root}, and its warnings start with a note saying so.
   *
   * @throws IOException when the root itself (or a metadata file the layout requires) cannot be
   *     read, or (auto-detection only) the folder holds several datasets; the message names the
   *     file and the problem
   * @throws IllegalArgumentException when {@code options} are invalid ({@link
   *     LayoutOptions#validate()}), or ask for speaker folds of a layout other than Speech Commands
   * @throws org.tkdworkbench.jobs.CancelledException when {@code ctx} is cancelled
   */
  public static DatasetIndex index(Path root, Layout layout, LayoutOptions options, JobContext ctx)
      throws IOException {
    LayoutOptions opts = options == null ? LayoutOptions.defaults() : options;
    List<String> problems = opts.validate();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Objects.requireNonNull(ctx, "ctx");
    Path base = checkedRoot(root);
    if (layout != null) {
      requireFoldsFit(opts, layout);
      return LayoutReader.of(layout).read(base, opts, ctx);
    }
    Detection d = locate(base);
    if (d.ambiguous()) {
      throw new IOException(d.note());
    }
    requireFoldsFit(opts, d.layout());
    DatasetIndex index = LayoutReader.of(d.layout()).read(d.root(), opts, ctx);
    if (d.note() == null) {
      return index;
    }
    List<String> warnings = new ArrayList<>();
    warnings.add(d.note());
    warnings.addAll(index.warnings());
    return new DatasetIndex(
        index.root(),
        index.layout(),
        index.options(),
        index.clips(),
        index.noiseFiles(),
        index.labels(),
        index.multiLabel(),
        index.refused(),
        warnings);
  }

  /** Speaker folds are a Speech Commands split; any other layout refuses them. */
  private static void requireFoldsFit(LayoutOptions options, Layout layout) {
    if (options.folds() != null && layout != Layout.SPEECH_COMMANDS) {
      throw new IllegalArgumentException(
          "layout.folds: speaker folds need the speech-commands layout (speakers named"
              + " <speaker>_nohash_<n>), found "
              + layout.cliName()
              + (layout == Layout.ESC50 ? " (it has its own five folds: use the test fold alone)" : ""));
    }
  }

  /** {@code root} absolute and normalised, or the reason it cannot be a dataset folder. */
  private static Path checkedRoot(Path root) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    if (!Files.exists(base)) {
      throw new NoSuchFileException(base.toString(), null, "dataset folder not found");
    }
    if (!Files.isDirectory(base)) {
      throw new NotDirectoryException(base.toString());
    }
    if (!Files.isReadable(base)) {
      throw new java.nio.file.AccessDeniedException(
          base.toString(), null, "dataset folder cannot be read");
    }
    return base;
  }
}
