package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.Path;
import org.tkdworkbench.jobs.JobContext;

/**
 * Entry point for reading dataset folders: detects the layout and dispatches to its reader.
 *
 * <p>CONTRACT PLACEHOLDER for the datasets issue: signatures are fixed, bodies arrive with it.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * The layout {@code root} most likely has: FSD50K when {@code FSD50K.ground_truth/} exists,
   * ESC-50 when {@code meta/esc50.csv} does, Speech Commands when a split list or {@code
   * _background_noise_/} does, a manifest when the root holds one {@code *.csv} with a {@code path}
   * column, otherwise folder-per-class.
   */
  public static Layout detect(Path root) throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Reads {@code root} as {@code layout} ({@code null} = detect). Names and metadata only; never
   * decodes audio. One bad file or row never aborts: it becomes a {@link Refusal}.
   *
   * @throws IOException when the root itself (or a metadata file the layout requires) cannot be
   *     read; the message names the file and the problem
   */
  public static DatasetIndex index(Path root, Layout layout, LayoutOptions options, JobContext ctx)
      throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
