package org.tkdworkbench.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.Json;

/**
 * A grid of distillation runs (datasets × students × targets × λ × seeds), one after another, the
 * same seeds in every cell so that differences are paired. A cell whose finished run with the same
 * config is already in the store is reused, so a sweep that was stopped (or extended by one more λ)
 * continues where it was; a cell that fails is reported and the sweep goes on.
 *
 * <p>Cells run in one process one at a time: MXNet's engine is not safe to train two models from
 * two threads at once, and on a 2-core machine one run already uses both cores.
 */
public final class Sweep {
  /** What a sweep did. */
  public record Result(List<Path> runs, int reused, List<String> failures) {}

  /** Fields that do not change what a run computes, ignored when matching a finished run. */
  private static final List<String> VOLATILE = List.of("workbench_version", "engine_version");

  private final DistillRuns distill;
  private final RunStore store;

  public Sweep(DistillRuns distill, RunStore store) {
    this.distill = distill;
    this.store = store;
  }

  /**
   * Runs every cell of {@code cells} (in order) into the store.
   *
   * @param indexOf the dataset index of a cell's config (read once per dataset by the caller)
   * @throws CancelledException when cancelled; the cell being trained is left cancelled and
   *     resumable, finished cells stay
   */
  public Result run(List<DistillRunConfig> cells, Function<DistillRunConfig, DatasetIndex> indexOf, JobContext ctx,
      Consumer<String> log) throws IOException {
    return run(cells, indexOf, ctx, log, folder -> {});
  }

  /** As above; {@code created} gets each new run's folder as soon as it exists. */
  public Result run(List<DistillRunConfig> cells, Function<DistillRunConfig, DatasetIndex> indexOf, JobContext ctx,
      Consumer<String> log, Consumer<Path> created) throws IOException {
    List<Path> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int reused = 0;
    List<RunInfo> finished = finishedRuns();
    for (int i = 0; i < cells.size(); i++) {
      ctx.checkCancelled();
      DistillRunConfig c = cells.get(i);
      String name = c.student() + " λ=" + c.lambda() + " target=" + c.target() + " seed=" + c.seed();
      Path existing = match(finished, c);
      if (existing != null) {
        log.accept("cell " + (i + 1) + "/" + cells.size() + " (" + name + "): already finished in " + existing.getFileName());
        runs.add(existing);
        reused++;
        continue;
      }
      log.accept("cell " + (i + 1) + "/" + cells.size() + " (" + name + ")");
      try {
        runs.add(distill.start(c, indexOf.apply(c), store, ctx, log, created).folder());
      } catch (CancelledException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        String why = name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        failures.add(why);
        log.accept("cell failed, the sweep goes on: " + why);
      }
    }
    return new Result(runs, reused, failures);
  }

  private List<RunInfo> finishedRuns() throws IOException {
    List<RunInfo> out = new ArrayList<>();
    for (RunListing l : store.list()) {
      if (l.ok() && l.state() == RunState.FINISHED) {
        try {
          out.add(RunStore.read(l.folder()));
        } catch (IOException e) {
          // listed fine a moment ago; unreadable now: not reusable
        }
      }
    }
    return out;
  }

  private static Path match(List<RunInfo> finished, DistillRunConfig c) throws IOException {
    // Through text, as run.json was: valueToTree would make a long seed a LongNode, which never
    // equals the IntNode that parsing "1" gives.
    JsonNode want = comparable(Json.mapper().readTree(Json.mapper().writeValueAsBytes(c)));
    for (RunInfo r : finished) {
      if (r.summary() != null && comparable(r.config().deepCopy()).equals(want)) {
        return r.folder();
      }
    }
    return null;
  }

  private static JsonNode comparable(JsonNode config) {
    if (config instanceof ObjectNode o) {
      VOLATILE.forEach(o::remove);
    }
    return config;
  }
}
