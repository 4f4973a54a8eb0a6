package org.tkdworkbench.ui.wizard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.noisy.NoisyKeywordBuilder;
import org.tkdworkbench.data.noisy.NoisySpec;
import org.tkdworkbench.jobs.JobContext;

/**
 * Everything the dataset wizard asks of the core, in one narrow interface: the app passes {@link
 * CoreWizardServices}, tests pass fakes. Every method may block (file system, decoding) and is only
 * ever called from a job, except {@link #sample}, {@link #workspaceRoot} and {@link #usableOutput},
 * which answer from a handful of {@code stat} calls.
 */
public interface WizardServices {
  /** What a quick look at a folder tells: the likely layout and the defaults it suggests. */
  record Detected(Layout layout, Path backgroundNoise, String manifest) {}

  /** The bundled sample folder, if this installation has one. */
  Optional<Path> sample();

  /** The workspace folder (noisy variants are written below it by default). */
  Path workspaceRoot();

  /**
   * Looks at {@code root}: its layout, its {@code _background_noise_} folder (null when it has
   * none) and the name of a CSV manifest at its top (null when there is none).
   *
   * @throws IOException when the folder is missing, not a folder or unreadable
   */
  Detected detect(Path root) throws IOException;

  /** Indexes {@code root} as {@code layout} (names and metadata only). */
  DatasetIndex index(Path root, Layout layout, LayoutOptions options, JobContext ctx)
      throws IOException;

  /** Probes every clip and totals the import report. */
  ImportReport report(DatasetIndex index, JobContext ctx);

  /** The audio files under {@code folder} (recursively), sorted. */
  List<Path> audioFilesIn(Path folder) throws IOException;

  /** Writes the noisy variant of {@code source} to {@code output}. */
  NoisyKeywordBuilder.Result buildNoisy(
      DatasetIndex source, List<Path> noise, NoisySpec spec, Path output, JobContext ctx)
      throws IOException;

  /** The fingerprint the registry stores for {@code index}. */
  String fingerprint(DatasetIndex index) throws IOException;

  /** Remembers a dataset in the workspace's registry; returns the stored entry (with its id). */
  RegisteredDataset register(RegisteredDataset entry) throws IOException;

  /** True when {@code folder} does not exist or is an empty folder: a builder may write there. */
  boolean usableOutput(Path folder);

  /**
   * Deletes a noisy variant this wizard wrote and did not register (the user cancelled, or changed
   * its settings and it is being rebuilt). Never called on anything else.
   */
  void discard(Path builtFolder) throws IOException;
}
