package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tkdworkbench.runs.ResultsTable;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runs compare [--runs DIR] [RUN_DIR…] [--csv FILE]}: the paper's Table 2 over finished
 * runs — all of the store's, or the ones named — per dataset and target: students × λ, mean ± std
 * over seeds of the test metric, best per row, paired difference to λ = 0.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Table 2 of finished runs: students × λ, mean ± std over seeds, paired difference to λ = 0.")
final class RunsCompareCommand implements Callable<Integer> {
  @Mixin RunsCommand.RootOption root;

  @Parameters(paramLabel = "RUN_DIR", arity = "0..*", description = "Runs to compare (default: every run in the store).")
  List<Path> selected = new ArrayList<>();

  @Option(names = "--csv", paramLabel = "FILE", description = "Also write the table as CSV.")
  Path csv;

  @picocli.CommandLine.Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> folders = new ArrayList<>(selected);
    if (folders.isEmpty()) {
      Path dir = root.root(spec);
      for (RunListing l : new RunStore(dir).list()) {
        if (l.ok()) {
          folders.add(l.folder());
        } else {
          err.println("skipped " + l.name() + ": " + l.error());
        }
      }
    }
    List<RunInfo> infos = new ArrayList<>();
    for (Path f : folders) {
      try {
        infos.add(RunStore.read(f));
      } catch (IOException e) {
        err.println("skipped " + f + ": " + AtomicFiles.describe(e));
      }
    }
    List<ResultsTable.Cell> cells = ResultsTable.cells(infos);
    if (cells.isEmpty()) {
      out.println("no finished runs with a test metric among " + infos.size() + " runs");
      return 0;
    }
    String metric = infos.stream().filter(i -> i.summary() != null).findFirst()
        .map(i -> i.summary().path("metric").asText("accuracy")).orElse("accuracy");
    List<ResultsTable.Table> tables = ResultsTable.pivot(cells);
    out.print(ResultsTable.markdown(tables, metric));
    if (csv != null) {
      AtomicFiles.write(csv, ResultsTable.csv(tables).getBytes(StandardCharsets.UTF_8));
      err.println("wrote " + csv.toAbsolutePath());
    }
    return 0;
  }
}
