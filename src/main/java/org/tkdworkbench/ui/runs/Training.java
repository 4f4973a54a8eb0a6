package org.tkdworkbench.ui.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.jobs.JobHandle;

/**
 * What the runs view and the student designer ask of the core: start, resume and sweep runs as
 * jobs on a training queue (one run at a time: one run already uses every core), in one run store.
 * The app's is {@link CoreTraining}; tests give a fake.
 */
public interface Training {
  /** The run store's folder. */
  Path runsRoot();

  /**
   * Queues a new run on {@code dataset} (already indexed); the job fills in the dataset's
   * fingerprint and the teacher's id. {@code created} gets the run folder (on the job's thread)
   * once it exists. Problems with {@code config} fail the job with a message naming the field.
   */
  JobHandle<?> start(DistillRunConfig config, DatasetIndex dataset, Consumer<Path> created);

  /** Queues continuing the run in {@code folder} from its last checkpoint. */
  JobHandle<?> resume(Path folder);

  /** Queues a grid of runs, one after another, reusing cells already finished in the store. */
  JobHandle<?> sweep(List<DistillRunConfig> cells, DatasetIndex dataset, Consumer<Path> created);
}
