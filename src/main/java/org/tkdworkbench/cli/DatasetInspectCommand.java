package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.CorruptRegistryException;
import org.tkdworkbench.data.DatasetImporter;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.ImportReportFormat;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dataset inspect DIR}: reads a dataset folder (layout detected or chosen), probes every
 * clip's header and prints the import report: a table, or JSON with {@code --json} (keys in {@link
 * ImportReportFormat}). {@code --register NAME} also remembers it in the workspace's registry.
 *
 * <p>Exit codes: 0 when the report was made, even if files were refused (the report lists them); 2
 * for bad options (unknown layout, invalid folds); 1 when the folder or a metadata file the layout
 * needs cannot be read.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Print the import report of a dataset folder: classes, splits, durations, rates, refused"
            + " files.")
final class DatasetInspectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The dataset folder.")
  Path dir;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "auto (default), folders, speech-commands, esc50, fsd50k or manifest.")
  String layout = "auto";

  @Option(
      names = "--test-fold",
      paramLabel = "N",
      description = "ESC-50: the fold (1..5) that is the test split (default 5).")
  Integer testFold;

  @Option(
      names = "--validation-fold",
      paramLabel = "N",
      description = "ESC-50: a fold (1..5) for validation (default none).")
  Integer validationFold;

  @Option(
      names = "--manifest",
      paramLabel = "FILE",
      description =
          "Manifest: the CSV file inside DIR (default: the only *.csv at DIR with a path column);"
              + " implies --layout manifest under auto.")
  String manifest;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads probing audio headers (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--register",
      paramLabel = "NAME",
      description = "Also register the dataset under NAME in the workspace.")
  String register;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Layout chosen = parseLayout();
    if (threads < 1) {
      throw new CliUsageException("--threads: must be at least 1, found " + threads);
    }
    if (register != null && register.isBlank()) {
      throw new CliUsageException("--register: must name the dataset, found an empty name");
    }
    LayoutOptions options = new LayoutOptions(testFold, validationFold, manifestOption());
    List<String> problems = options.validate();
    if (!problems.isEmpty()) {
      throw new CliUsageException(
          problems.stream().map(DatasetInspectCommand::asOption).collect(Collectors.joining("; ")));
    }
    if (chosen == null && manifest != null) {
      chosen = Layout.MANIFEST;
    }
    PrintWriter err = spec.commandLine().getErr();
    noteIgnored(chosen, err);

    JobContext progress = ConsoleProgress.forTerminal(err);
    DatasetIndex index;
    try {
      index = Datasets.index(dir, chosen, options, progress);
    } catch (IOException e) {
      ConsoleProgress.clear(progress);
      err.println("error: " + describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    ImportReport report = new DatasetImporter(new AudioDecoder(), threads).report(index, progress);
    ConsoleProgress.clear(progress);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writeValueAsString(ImportReportFormat.toJson(report)));
    } else {
      out.print(ImportReportFormat.toText(report));
    }
    out.flush();
    if (register != null) {
      return register(report, options, err);
    }
    return 0;
  }

  private Layout parseLayout() {
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

  /**
   * The manifest relative to DIR: a path typed relative to the working directory (or absolute) that
   * lands inside DIR is taken as that file; anything else is read relative to DIR.
   */
  private String manifestOption() {
    if (manifest == null) {
      return null;
    }
    Path root = dir.toAbsolutePath().normalize();
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

  private void noteIgnored(Layout chosen, PrintWriter err) {
    if (chosen != null && chosen != Layout.MANIFEST && manifest != null) {
      err.println("note: --manifest applies to the manifest layout only; ignored");
    }
    if (chosen != null && chosen != Layout.ESC50 && (testFold != null || validationFold != null)) {
      err.println(
          "note: --test-fold and --validation-fold apply to the esc50 layout only; ignored");
    }
  }

  private int register(ImportReport report, LayoutOptions options, PrintWriter err)
      throws IOException {
    DatasetIndex kept = report.index();
    DatasetRegistry registry = new DatasetRegistry(root().workspace());
    RegisteredDataset entry =
        new RegisteredDataset(
            null,
            register,
            kept.root().toString(),
            kept.layout().cliName(),
            options,
            FeatureSpec.defaults(),
            DatasetRegistry.fingerprint(kept),
            kept.clips().size(),
            null);
    RegisteredDataset stored;
    try {
      stored = registry.register(entry);
    } catch (CorruptRegistryException e) {
      err.println("warning: " + e.getMessage());
      stored = registry.register(entry); // the unreadable file is aside now: start a fresh one
    } catch (IOException e) {
      err.println("error: could not register the dataset: " + describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    err.println("Registered as '" + stored.id() + "' in " + registry.file());
    return 0;
  }

  /** The root command, which holds the inherited {@code --workspace} option. */
  private WorkbenchCommand root() {
    return (WorkbenchCommand) spec.root().userObject();
  }

  /** {@code layout.test_fold: ...} → {@code --test-fold: ...}: the user typed options. */
  private static String asOption(String problem) {
    return problem
        .replace("layout.test_fold", "--test-fold")
        .replace("layout.validation_fold", "--validation-fold")
        .replace("layout.manifest", "--manifest");
  }

  /** A sentence for a failed read; NIO's own messages are often only the path. */
  static String describe(IOException e) {
    if (e instanceof NotDirectoryException n) {
      return "not a folder: " + n.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return AtomicFiles.describe(e);
  }

  /**
   * Progress on the terminal's error stream, one line rewritten in place at most twice a second;
   * silent when the output is not a terminal (scripts, tests, {@code --json > file} pipelines keep
   * clean streams).
   */
  static final class ConsoleProgress implements JobContext {
    private static final long EVERY_NANOS = 500_000_000L;
    private final PrintWriter err;
    private long last = System.nanoTime();
    private boolean dirty;

    private ConsoleProgress(PrintWriter err) {
      this.err = err;
    }

    static JobContext forTerminal(PrintWriter err) {
      return System.console() == null ? JobContext.none() : new ConsoleProgress(err);
    }

    static void clear(JobContext ctx) {
      if (ctx instanceof ConsoleProgress p && p.dirty) {
        p.err.print("\r" + " ".repeat(79) + "\r");
        p.err.flush();
      }
    }

    @Override
    public void progress(long done, long total, String message) {
      long now = System.nanoTime();
      if (now - last >= EVERY_NANOS) {
        last = now;
        String m = message.length() > 79 ? message.substring(0, 79) : message;
        err.print("\r" + m + " ".repeat(79 - m.length()));
        err.flush();
        dirty = true;
      }
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }
}
