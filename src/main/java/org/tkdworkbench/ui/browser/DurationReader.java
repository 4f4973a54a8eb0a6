package org.tkdworkbench.ui.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

/**
 * The body of the "read durations" job: probes each clip's header and hands the results to the FX
 * thread in batches at most every {@value #BATCH_MILLIS} ms, so a dataset of thousands of clips
 * costs a handful of table updates instead of one per clip.
 */
final class DurationReader {
  static final long BATCH_MILLIS = 100;

  private final DurationProbe probe;
  private final Executor fx;
  private final BooleanSupplier stillCurrent;

  /**
   * @param stillCurrent checked on the FX thread before applying a batch: false once another
   *     dataset replaced this one
   */
  DurationReader(DurationProbe probe, Executor fx, BooleanSupplier stillCurrent) {
    this.probe = probe;
    this.fx = fx;
    this.stillCurrent = stillCurrent;
  }

  /** Probes {@code rows} in order; returns how many could not be read. */
  int readAll(List<ClipRow> rows, JobContext ctx) {
    int bad = 0;
    Batch batch = new Batch();
    long lastFlush = System.nanoTime();
    for (int i = 0; i < rows.size(); i++) {
      ctx.checkCancelled();
      ClipRow row = rows.get(i);
      try {
        batch.add(row, probe.seconds(row.clip().path()), null);
      } catch (CancelledException e) {
        throw e;
      } catch (Exception | LinkageError e) {
        bad++;
        batch.add(row, 0, Failures.describe(e));
      }
      ctx.progress(i + 1, rows.size(), "Reading durations: " + (i + 1) + " of " + rows.size());
      if (System.nanoTime() - lastFlush > BATCH_MILLIS * 1_000_000L) {
        post(batch);
        batch = new Batch();
        lastFlush = System.nanoTime();
      }
    }
    post(batch);
    return bad;
  }

  private void post(Batch batch) {
    if (!batch.rows.isEmpty()) {
      fx.execute(
          () -> {
            if (stillCurrent.getAsBoolean()) {
              batch.apply();
            }
          });
    }
  }

  /** Results read since the last hand-over; never touched by the job after it is posted. */
  private static final class Batch {
    private final List<ClipRow> rows = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void add(ClipRow row, double s, String problem) {
      rows.add(row);
      seconds.add(s);
      problems.add(problem);
    }

    void apply() {
      for (int i = 0; i < rows.size(); i++) {
        if (problems.get(i) == null) {
          rows.get(i).setDuration(seconds.get(i));
        } else {
          rows.get(i).setProblem(problems.get(i));
        }
      }
    }
  }
}
