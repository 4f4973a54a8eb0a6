package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.workspace.AtomicFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The dataset a {@code dataset} command reads, the same way in {@code inspect}, {@code features}
 * and {@code noisy}: the folder as a {@code DIR} parameter or {@code --source DIR}, {@code
 * --layout}, {@code --manifest}, {@code --test-fold}, {@code --validation-fold}, {@code --folds}.
 *
 * <p>Exit codes: a bad option, or a {@code DIR} that is missing or not a folder, is a usage error
 * (2) naming the parameter or option; a folder that exists but whose contents (a metadata file the
 * layout needs) cannot be read is a failure (1) with the reason, see {@link #describe}.
 */
final class DatasetSourceOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The dataset folder (or --source DIR).")
  Path dir;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description = "The dataset folder (instead of the DIR parameter).")
  Path source;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "auto (default), folders, speech-commands, esc50, fsd50k or manifest.")
  String layout = "auto";

  @Option(
      names = "--test-fold",
      paramLabel = "N",
      description =
          "ESC-50: the fold (1..5) that is the test split (default 5). With --folds: the speaker"
              + " fold (1..K) that is the test split (required).")
  Integer testFold;

  @Option(
      names = "--validation-fold",
      paramLabel = "N",
      description =
          "ESC-50: a fold (1..5) for validation (default none). With --folds: the speaker fold for"
              + " validation (default: the one before the test fold).")
  Integer validationFold;

  @Option(
      names = "--folds",
      paramLabel = "K",
      description =
          "Speech Commands: split by speaker into K folds (3..10000) instead of the split lists:"
              + " speakers ordered by Speech Commands' hash; --folds 10 --test-fold 2 is the"
              + " published split of a set made by that rule. Needs --test-fold.")
  Integer folds;

  @Option(
      names = "--manifest",
      paramLabel = "FILE",
      description =
          "Manifest: the CSV file inside DIR (default: the only *.csv at DIR with a path column);"
              + " implies --layout manifest under auto.")
  String manifest;

  /** How the user named the folder: "DIR" or "--source", for messages. */
  String name() {
    return source != null ? "--source" : "DIR";
  }

  /**
   * The dataset folder as typed.
   *
   * @throws CliUsageException when none or two different ones were given
   */
  Path folder() {
    if (dir != null && source != null && !dir.equals(source)) {
      throw new CliUsageException(
          "DIR and --source: give the dataset folder once, found " + dir + " and " + source);
    }
    Path p = source != null ? source : dir;
    if (p == null) {
      throw new CliUsageException("DIR: the dataset folder is required (or --source DIR)");
    }
    return p;
  }

  /**
   * Every problem with these options (and whether the folder exists and is a folder), each as
   * {@code option: rule, found value}; empty when they can be used.
   */
  List<String> problems() {
    List<String> p = new ArrayList<>();
    Path folder;
    try {
      folder = folder();
    } catch (CliUsageException e) {
      p.add(e.getMessage());
      return p;
    }
    Path abs = folder.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      p.add(name() + ": must be a dataset folder, found " + abs + " (does not exist)");
    } else if (!Files.isDirectory(abs)) {
      p.add(name() + ": must be a dataset folder, found a file " + abs);
    }
    try {
      layout();
    } catch (CliUsageException e) {
      p.add(e.getMessage());
    }
    LayoutOptions o = new LayoutOptions(testFold, validationFold, null, folds);
    for (String s : o.validate()) {
      p.add(asOption(s));
    }
    if (p.isEmpty()) {
      try {
        manifestOption();
      } catch (CliUsageException e) {
        p.add(e.getMessage());
      }
    }
    return p;
  }

  /** Throws a usage error listing every problem, if there is one. */
  void requireValid() {
    List<String> p = problems();
    if (!p.isEmpty()) {
      throw new CliUsageException(String.join("\n  ", p));
    }
  }

  /** The chosen layout, {@code null} for auto-detection; {@code --manifest} implies a manifest. */
  Layout layout() {
    Layout chosen = parseLayout(layout);
    return chosen == null && manifest != null ? Layout.MANIFEST : chosen;
  }

  /**
   * A {@code --layout} value: {@code null} for {@code auto}, else the named layout; every command
   * that takes {@code --layout} parses it here, so they accept and refuse the same words.
   */
  static Layout parseLayout(String layout) {
    if (layout.strip().equalsIgnoreCase("auto")) {
      return null;
    }
    return Layout.fromCliName(layout)
        .orElseThrow(
            () ->
                new CliUsageException(
                    "--layout: must be one of auto, "
                        + Arrays.stream(Layout.values())
                            .map(Layout::cliName)
                            .collect(Collectors.joining(", "))
                        + ", found '"
                        + layout
                        + "'"));
  }

  /** The layout options (folds, manifest relative to the folder). */
  LayoutOptions options() {
    return new LayoutOptions(testFold, validationFold, manifestOption(), folds);
  }

  /** Reads the dataset: {@link #requireValid} first, then {@link Datasets#index}. */
  DatasetIndex index(JobContext ctx) throws IOException {
    requireValid();
    try {
      return Datasets.index(folder(), layout(), options(), ctx);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("layout.")) {
        throw new CliUsageException(asOption(e.getMessage())); // e.g. --folds on an ESC-50 folder
      }
      throw e;
    }
  }

  /** Notes on standard error for options the chosen layout does not use. */
  void noteIgnored(PrintWriter err) {
    Layout chosen = layout();
    if (chosen != null && chosen != Layout.MANIFEST && manifest != null) {
      err.println("note: --manifest applies to the manifest layout only; ignored");
    }
    if (chosen != null
        && chosen != Layout.ESC50
        && folds == null
        && (testFold != null || validationFold != null)) {
      err.println(
          "note: --test-fold and --validation-fold apply to the esc50 layout, or with --folds;"
              + " ignored");
    }
  }

  /**
   * The manifest relative to the folder: a path typed relative to the working directory (or
   * absolute) that lands inside the folder is taken as that file; anything else is read relative to
   * the folder.
   */
  private String manifestOption() {
    if (manifest == null) {
      return null;
    }
    Path root = folder().toAbsolutePath().normalize();
    Path typed = Path.of(manifest).toAbsolutePath().normalize();
    if (!root.resolve(manifest).normalize().startsWith(root) && !Files.isRegularFile(typed)) {
      throw new CliUsageException(
          "--manifest: must be a file inside " + root + ", found " + manifest);
    }
    if (Path.of(manifest).isAbsolute() || Files.isRegularFile(typed)) {
      if (!typed.startsWith(root)) {
        throw new CliUsageException(
            "--manifest: must be a file inside " + root + ", found " + manifest);
      }
      return root.relativize(typed).toString();
    }
    return manifest;
  }

  /** {@code layout.test_fold: ...} → {@code --test-fold: ...}: the user typed options. */
  static String asOption(String problem) {
    return problem
        .replace("layout.test_fold", "--test-fold")
        .replace("layout.validation_fold", "--validation-fold")
        .replace("layout.manifest", "--manifest")
        .replace("layout.folds", "--folds");
  }

  /**
   * A sentence for a failed read: what went wrong and with which file (NIO's own messages are often
   * only the path).
   */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return (n.getReason() != null ? n.getReason() : "not found") + ": " + n.getFile();
    }
    if (e instanceof NotDirectoryException n) {
      return "not a folder: " + n.getFile();
    }
    if (e instanceof AccessDeniedException a) {
      return (a.getReason() != null ? a.getReason() : "permission denied") + ": " + a.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    return AtomicFiles.describe(e);
  }
}
