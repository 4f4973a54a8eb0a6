package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code runs list [--runs DIR]}: one line per run folder (folder, state, student, λ, seed,
 * epoch/epochs, best metric). A folder that cannot be read is a line with state {@code error} and
 * what is wrong; the others list as usual and the exit code stays 0.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "A table of the runs: state, student, lambda, seed, progress, best metric.")
final class RunsListCommand implements Callable<Integer> {
  @Mixin RunsCommand.RootOption root;

  @picocli.CommandLine.Spec CommandSpec spec;

  private static final List<String> HEADER =
      List.of("FOLDER", "STATE", "STUDENT", "LAMBDA", "SEED", "EPOCH", "BEST");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.root(spec);
    List<RunListing> runs;
    try {
      runs = new RunStore(dir).list();
    } catch (IOException e) {
      err.println("error: cannot list " + dir + ": " + AtomicFiles.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    if (runs.isEmpty()) {
      out.println("no runs in " + dir);
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (RunListing r : runs) {
      rows.add(cells(r));
    }
    int[] width = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      RunListing r = i == 0 ? null : runs.get(i - 1);
      StringBuilder b = new StringBuilder();
      if (r != null && !r.ok()) {
        // What could be read is in the run's files; the table says what is wrong.
        b.append(pad(row.get(0), width[0] + 2))
            .append(pad("error", width[1] + 2))
            .append(r.error());
      } else {
        for (int c = 0; c < row.size(); c++) {
          b.append(pad(row.get(c), width[c] + 2));
        }
      }
      out.println(b.toString().stripTrailing());
    }
    long bad = runs.stream().filter(r -> !r.ok()).count();
    if (bad > 0) {
      err.println(
          "warning: "
              + bad
              + " of "
              + runs.size()
              + " run folders could not be read fully (see the line's error)");
    }
    return 0;
  }

  private static List<String> cells(RunListing r) {
    String state = r.state() == null ? "?" : r.state().id();
    String epoch =
        r.epoch() == null ? "" : r.epoch() + "/" + (r.epochs() == null ? "?" : r.epochs());
    String best = "";
    if (r.bestMetric() != null) {
      best =
          String.format(Locale.ROOT, "%.4f", r.bestMetric())
              + (r.metric() == null ? "" : " " + r.metric())
              + (r.bestEpoch() == null ? "" : " @" + r.bestEpoch());
    }
    List<String> cells = new ArrayList<>();
    cells.add(r.name());
    cells.add(state);
    cells.add(r.student() == null ? "" : r.student());
    cells.add(r.lambda() == null ? "" : number(r.lambda()));
    cells.add(r.seed() == null ? "" : Long.toString(r.seed()));
    cells.add(epoch);
    cells.add(best);
    return cells;
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
