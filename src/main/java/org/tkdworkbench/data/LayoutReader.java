package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.Path;
import org.tkdworkbench.jobs.JobContext;

/**
 * Reads one {@link Layout}: names and metadata to a {@link DatasetIndex}, never audio. One bad file
 * or row becomes a {@link Refusal}; only an unreadable root or a missing required metadata file
 * throws.
 */
interface LayoutReader {
  /**
   * @param root the dataset folder: absolute, normalised, an existing folder
   * @throws IOException when a metadata file the layout needs is missing or unreadable; the message
   *     names it
   */
  DatasetIndex read(Path root, LayoutOptions options, JobContext ctx) throws IOException;

  /** The reader of {@code layout}. */
  static LayoutReader of(Layout layout) {
    return switch (layout) {
      case FOLDERS -> new FoldersReader();
      case SPEECH_COMMANDS -> new SpeechCommandsReader();
      case ESC50 -> new Esc50Reader();
      case FSD50K -> new Fsd50kReader();
      case MANIFEST -> new ManifestReader();
    };
  }
}
