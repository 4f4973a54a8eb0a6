package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.distill.AttentionTarget;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillRuns;
import org.tkdworkbench.distill.Sweep;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.runs.ResultsTable;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.AtomicFiles;
import org.tkdworkbench.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep}: a grid of distillation runs and its Table 2. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a grid of distillation runs (datasets × students × targets × λ × seeds; seeds 1..N in"
          + " every cell, so differences to λ = 0 are paired), one after another, reusing finished"
          + " cells already in the run store. Prints the paper's Table 2 (Markdown) and writes it"
          + " as sweep-<time>.md and .csv beside the runs."
    })
final class SweepCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "A dataset folder; repeat for variants (2/4/6/8 s, …).")
  List<Path> datasets;

  @Option(names = "--students", required = true, split = ",", paramLabel = "NAMES", description = "Comma-separated: lstm-p, tc-resnet, crnn, att-rnn, mhatt-rnn.")
  List<String> students;

  @Option(names = "--lambdas", required = true, split = ",", paramLabel = "X,Y", description = "Comma-separated λ values, e.g. 0,0.1,0.25,0.5 (include 0 for the paired comparison).")
  List<Double> lambdas;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1..N per cell (default: ${DEFAULT-VALUE}).")
  int seeds = 3;

  @Option(names = "--targets", split = ",", paramLabel = "NAMES", description = "Comma-separated: teacher (default), energy, uniform, shuffled.")
  List<String> targets = List.of("teacher");

  @Option(names = "--output", paramLabel = "DIR", description = "Where the table files go (default: the run store).")
  Path output;

  @Mixin RunOptions options;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<String> problems = new ArrayList<>(options.problems());
    List<StudentArchitecture> archs = new ArrayList<>();
    List<AttentionTarget> ts = new ArrayList<>();
    for (String s : students) {
      try {
        archs.add(RunOptions.architecture(s));
      } catch (CliUsageException e) {
        problems.add(e.getMessage());
      }
    }
    for (String t : targets) {
      try {
        ts.add(RunOptions.target(t));
      } catch (CliUsageException e) {
        problems.add(e.getMessage());
      }
    }
    if (seeds < 1 || seeds > 100) {
      problems.add("--seeds: must be in 1..100, found " + seeds);
    }
    if (options.knowledge != null && datasets.size() > 1) {
      problems.add("--knowledge: one imported file cannot serve " + datasets.size() + " datasets; use --teacher");
    }
    if (problems.isEmpty()) {
      for (AttentionTarget t : ts) {
        for (double l : lambdas) {
          for (String p : options.config(archs.get(0), l, t, 1, datasets.get(0), 2, null, null).validate()) {
            if (!problems.contains(p)) {
              problems.add(p);
            }
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CliUsageException("invalid settings:\n  " + String.join("\n  ", problems));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = ((WorkbenchCommand) spec.root().userObject()).workspace();
    RunStore store = new RunStore(options.runs != null ? options.runs : ws.runs());
    RuntimeSetup.apply();
    DistillRuns distill = new DistillRuns(ws, options.training.threads);
    try (CliJob job = CliJob.start(err)) {
      // Read every dataset first: a missing one stops the sweep before hours of training.
      Map<String, DatasetIndex> indexes = new HashMap<>();
      List<DistillRunConfig> cells = new ArrayList<>();
      String teacherId = options.teacherId();
      for (Path d : datasets) {
        DatasetIndex index;
        try {
          index = distill.index(options.config(archs.get(0), 0, ts.get(0), 1, d, 2, null, null), job);
        } catch (IOException e) {
          err.println("error: cannot read dataset " + d + ": " + DatasetSourceOptions.describe(e));
          return WorkbenchCommand.EXIT_FAILED;
        }
        String fingerprint = DatasetRegistry.fingerprint(index);
        for (StudentArchitecture a : archs) {
          for (AttentionTarget t : ts) {
            for (double l : lambdas) {
              if (l == 0 && t != ts.get(0)) {
                continue; // λ = 0 ignores the target: trained once, shared by every target's table
              }
              for (long seed = 1; seed <= seeds; seed++) {
                DistillRunConfig c = options.config(a, l, t, seed, d, index.labels().size(), fingerprint, teacherId);
                indexes.put(c.dataset(), index);
                cells.add(c);
              }
            }
          }
        }
      }
      err.printf(Locale.ROOT, "Sweep: %d runs (%d datasets × %d students × %d targets × %d λ × %d seeds, λ = 0 once"
              + " for all targets) into %s%n",
          cells.size(), datasets.size(), archs.size(), ts.size(), lambdas.size(), seeds, store.root());
      Sweep.Result r;
      try {
        r = new Sweep(distill, store).run(cells, c -> indexes.get(c.dataset()), job, line -> {
          err.println(line);
          err.flush();
        });
      } catch (CancelledException e) {
        err.println("cancelled; run the same sweep again to continue (finished cells are reused)");
        return WorkbenchCommand.EXIT_FAILED;
      }
      List<RunInfo> infos = new ArrayList<>();
      for (Path p : r.runs()) {
        infos.add(RunStore.read(p));
      }
      List<ResultsTable.Table> tables = ResultsTable.pivot(ResultsTable.cells(infos));
      String metric = infos.isEmpty() || infos.get(0).summary() == null ? "accuracy" : infos.get(0).summary().path("metric").asText("accuracy");
      String md = ResultsTable.markdown(tables, metric);
      Path dir = output != null ? output : store.root();
      String stamp = "sweep-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
      AtomicFiles.write(dir.resolve(stamp + ".md"), md.getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(dir.resolve(stamp + ".csv"), ResultsTable.csv(tables).getBytes(StandardCharsets.UTF_8));
      out.print(md);
      err.printf(Locale.ROOT, "%d runs (%d reused), %d failed; tables in %s%n",
          r.runs().size(), r.reused(), r.failures().size(), dir.resolve(stamp + ".md"));
      r.failures().forEach(f -> err.println("failed: " + f));
      return r.failures().isEmpty() ? 0 : WorkbenchCommand.EXIT_FAILED;
    }
  }
}
