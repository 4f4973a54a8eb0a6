package org.tkdworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.runs.Checkpoint;
import org.tkdworkbench.runs.MetricRow;
import org.tkdworkbench.runs.RunFormatException;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.runs.RunStatus;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code runs show RUN_DIR [--last N]}: a run's status, config, last metrics rows, checkpoints and
 * summary. {@code RUN_DIR} is a folder, or a run's folder name under {@code --runs}.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "One run: status, config, the last metrics rows, checkpoints, summary.")
final class RunsShowCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "RUN_DIR",
      description = "A run folder, or its name in the runs folder.")
  Path run;

  @Option(
      names = "--last",
      paramLabel = "N",
      description = "How many of the last metrics rows to show (default: ${DEFAULT-VALUE}).")
  int last = 10;

  @Mixin RunsCommand.RootOption root;

  @picocli.CommandLine.Spec CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    if (last < 0) {
      throw new CliUsageException("--last: must be 0 or more, found " + last);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path folder = run;
    if (!Files.isDirectory(folder)) {
      Path inRoot = root.root(spec).resolve(run.toString());
      if (!run.isAbsolute() && Files.isDirectory(inRoot)) {
        folder = inRoot;
      } else {
        err.println(
            "error: no run folder " + run + (run.isAbsolute() ? "" : " (nor " + inRoot + ")"));
        return WorkbenchCommand.EXIT_FAILED;
      }
    }
    RunInfo info;
    try {
      info = RunStore.read(folder);
    } catch (RunFormatException e) {
      err.println("error: cannot read the run: " + e.getMessage());
      return WorkbenchCommand.EXIT_FAILED;
    } catch (IOException e) {
      err.println("error: cannot read the run " + folder + ": " + AtomicFiles.describe(e));
      return WorkbenchCommand.EXIT_FAILED;
    }
    printStatus(out, info);
    out.println();
    out.println("config (" + RunStore.CONFIG_FILE + "):");
    out.println(Json.mapper().writeValueAsString(info.config()));
    out.println();
    printMetrics(out, info);
    out.println();
    if (info.summary() == null) {
      out.println("summary: none yet");
    } else {
      out.println("summary (" + RunStore.SUMMARY_FILE + "):");
      out.println(Json.mapper().writeValueAsString(info.summary()));
    }
    for (String w : info.warnings()) {
      err.println("warning: " + w);
    }
    return 0;
  }

  private static void printStatus(PrintWriter out, RunInfo info) {
    RunStatus s = info.status();
    out.println("run: " + info.folder());
    out.println(
        "state: "
            + s.state().id()
            + (s.state() == RunState.INTERRUPTED
                ? " (status.json says running, but its writer is gone: killed or crashed)"
                : ""));
    if (s.error() != null) {
      out.println("error: " + s.error());
    }
    out.println(
        "epoch: "
            + (s.epoch() == null ? "?" : s.epoch())
            + "/"
            + (s.epochs() == null ? "?" : s.epochs()));
    if (s.bestEpoch() != null) {
      out.println(
          "best: epoch "
              + s.bestEpoch()
              + (s.bestMetric() == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      ", %s %.4f",
                      s.metric() == null ? "metric" : s.metric(),
                      s.bestMetric())));
    }
    out.println(
        "times (UTC): created "
            + time(s.created())
            + ", started "
            + time(s.started())
            + ", updated "
            + time(s.updated())
            + ", finished "
            + time(s.finished()));
    out.println(
        "writer: pid "
            + s.pid()
            + " on "
            + s.host()
            + ", heartbeat "
            + time(s.heartbeat())
            + (s.resumes() == null || s.resumes() == 0 ? "" : ", resumed " + s.resumes() + "×"));
    List<String> names = new ArrayList<>();
    for (Checkpoint c : info.checkpoints()) {
      names.add(c.folder().getFileName().toString());
    }
    out.println("checkpoints: " + (names.isEmpty() ? "none" : String.join(", ", names)));
    out.println("student: " + (info.student() == null ? "not exported" : info.student()));
  }

  private void printMetrics(PrintWriter out, RunInfo info) {
    List<MetricRow> rows = info.metrics().rows();
    List<String> columns = info.metrics().columns();
    List<MetricRow> shown = info.metrics().last(last);
    out.printf(
        Locale.ROOT,
        "metrics (%s): %d rows%s%n",
        RunStore.METRICS_FILE,
        rows.size(),
        rows.isEmpty() || shown.isEmpty() ? "" : ", the last " + shown.size() + ":");
    if (shown.isEmpty()) {
      return;
    }
    int[] width = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      width[c] = columns.get(c).length();
      for (MetricRow r : shown) {
        width[c] = Math.max(width[c], r.text(columns.get(c)).length());
      }
    }
    out.println(line(columns, width));
    for (MetricRow r : shown) {
      out.println(line(columns.stream().map(r::text).toList(), width));
    }
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      b.append(c).append(" ".repeat(Math.max(0, width[i] - c.length() + 2)));
    }
    return b.toString().stripTrailing();
  }

  private static String time(Instant t) {
    return t == null ? "-" : t.toString();
  }
}
