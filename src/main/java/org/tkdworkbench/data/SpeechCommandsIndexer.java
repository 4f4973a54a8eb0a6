package org.tkdworkbench.data;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.tkdworkbench.audio.AudioFiles;
import org.tkdworkbench.jobs.JobContext;

/**
 * Reads a folder as Google Speech Commands: {@code root/<label>/**\/*.wav}, with {@code
 * validation_list.txt} and {@code testing_list.txt} naming the validation and test clips; every
 * other clip is train, so a plain folder-per-class tree without lists is all train. {@code
 * _background_noise_/} holds noise sources, not a class.
 *
 * <p>Kept as the entry point the app and the CLI used before layouts were detected; it reads
 * through the same reader as {@link Datasets#index} with {@link Layout#SPEECH_COMMANDS}, and holds
 * the names every layout shares ({@link #isAudioFile}).
 */
public final class SpeechCommandsIndexer {
  /** The Speech Commands noise folder, a source for mixing rather than a class. */
  public static final String NOISE_FOLDER = "_background_noise_";

  public static final String VALIDATION_LIST = "validation_list.txt";
  public static final String TESTING_LIST = "testing_list.txt";


  private SpeechCommandsIndexer() {}

  /**
   * Walks {@code root} and builds its index, reporting progress to {@code ctx} and stopping with
   * {@link org.tkdworkbench.jobs.CancelledException} when it is cancelled.
   *
   * @throws NoSuchFileException when {@code root} does not exist
   * @throws NotDirectoryException when {@code root} is not a folder
   * @throws IOException when the root or a split list cannot be read
   */
  public static DatasetIndex index(Path root, JobContext ctx) throws IOException {
    return Datasets.index(root, Layout.SPEECH_COMMANDS, LayoutOptions.defaults(), ctx);
  }

  /**
   * True when the name ends in one of the audio extensions the decoder knows ({@link
   * AudioFiles#EXTENSIONS}, case-insensitive); the decoder decides later if the file really is.
   */
  public static boolean isAudioFile(String fileName) {
    return AudioFiles.isAudioFileName(fileName);
  }
}
