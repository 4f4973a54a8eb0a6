package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.CorruptRegistryException;
import org.tkdworkbench.data.DatasetImporter;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.ImportReportFormat;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.workspace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dataset inspect DIR}: reads a dataset folder (layout detected or chosen), probes every
 * clip's header and prints the import report: a table, or JSON with {@code --json} (keys in {@link
 * ImportReportFormat}). {@code --register NAME} also remembers it in the workspace's registry.
 *
 * <p>Exit codes: 0 when the report was made, even if files were refused (the report lists them); 2
 * for bad options (unknown layout, invalid folds) and a DIR that is missing or not a folder; 1 when
 * a metadata file the layout needs cannot be read, or on Ctrl-C ({@link DatasetSourceOptions}).
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Print the import report of a dataset folder: classes, splits, durations, rates, refused"
            + " files.")
final class DatasetInspectCommand implements Callable<Integer> {
  @Mixin DatasetSourceOptions source;

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
    if (threads < 1) {
      throw new CliUsageException("--threads: must be at least 1, found " + threads);
    }
    if (register != null && register.isBlank()) {
      throw new CliUsageException("--register: must name the dataset, found an empty name");
    }
    source.requireValid();
    LayoutOptions options = source.options();
    PrintWriter err = spec.commandLine().getErr();
    source.noteIgnored(err);

    ImportReport report;
    try (CliJob job = CliJob.start(err)) {
      DatasetIndex index;
      try {
        index = source.index(job);
      } catch (IOException e) {
        job.clearLine();
        err.println(
            "error: cannot read " + source.folder() + ": " + DatasetSourceOptions.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      report = new DatasetImporter(new AudioDecoder(), threads).report(index, job);
    } catch (CancelledException e) {
      err.println("cancelled");
      return WorkbenchCommand.EXIT_FAILED;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writeValueAsString(ImportReportFormat.toJson(report)));
    } else {
      out.print(ImportReportFormat.toText(report));
    }
    out.flush();
    if (register != null) {
      return register(report, err);
    }
    return 0;
  }

  private int register(ImportReport report, PrintWriter err)
      throws IOException {
    DatasetIndex kept = report.index();
    DatasetRegistry registry = new DatasetRegistry(root().workspace());
    RegisteredDataset entry = RegisteredDataset.of(register, kept, FeatureSpec.defaults(), DatasetRegistry.fingerprint(kept));
    RegisteredDataset stored;
    try {
      stored = registry.register(entry);
    } catch (CorruptRegistryException e) {
      err.println("warning: " + e.getMessage());
      stored = registry.register(entry); // the unreadable file is aside now: start a fresh one
    } catch (IOException e) {
      err.println("error: could not register the dataset: " + DatasetSourceOptions.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    err.println("Registered as '" + stored.id() + "' in " + registry.file());
    return 0;
  }

  /** The root command, which holds the inherited {@code --workspace} option. */
  private WorkbenchCommand root() {
    return (WorkbenchCommand) spec.root().userObject();
  }
}
