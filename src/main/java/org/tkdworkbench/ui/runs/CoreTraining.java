package org.tkdworkbench.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.distill.KnowledgeCache;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.distill.DistillRuns;
import org.tkdworkbench.distill.Sweep;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.workspace.Workspace;

/**
 * {@link Training} on the core: {@link DistillRuns} and {@link Sweep} in the workspace's run store,
 * on a runner the app gives (one thread: runs queue up). Each run's log goes to its {@code log.txt}
 * (the runs view shows it) and to the app log.
 */
public final class CoreTraining implements Training {
  private static final Logger LOG = LoggerFactory.getLogger(CoreTraining.class);

  private final JobRunner queue;
  private final DistillRuns distill;
  private final RunStore store;

  /**
   * @param queue the training queue (one thread)
   * @param workspace where feature caches and the run store live
   * @param threads feature-decoding threads
   */
  public CoreTraining(JobRunner queue, Workspace workspace, int threads) {
    this.queue = queue;
    this.distill = new DistillRuns(workspace, threads);
    this.store = new RunStore(workspace.runs());
  }

  @Override
  public Path runsRoot() {
    return store.root();
  }

  @Override
  public JobHandle<?> start(DistillRunConfig config, DatasetIndex dataset, Consumer<Path> created) {
    return queue.submit(
        "Training " + config.student() + " λ=" + config.lambda(),
        ctx -> distill.start(complete(config, dataset), dataset, store, ctx, LOG::info, created).folder());
  }

  @Override
  public JobHandle<?> resume(Path folder) {
    return queue.submit("Resuming " + folder.getFileName(), ctx -> distill.resume(folder, store, ctx, LOG::info).folder());
  }

  @Override
  public JobHandle<?> sweep(List<DistillRunConfig> cells, DatasetIndex dataset, Consumer<Path> created) {
    return queue.submit(
        "Sweep of " + cells.size() + " runs",
        ctx -> {
          List<DistillRunConfig> complete = new java.util.ArrayList<>();
          for (DistillRunConfig c : cells) {
            complete.add(complete(c, dataset));
          }
          return new Sweep(distill, store).run(complete, c -> dataset, ctx, LOG::info, created);
        });
  }

  /** The config with the dataset's fingerprint and the teacher's id, both read from files. */
  private static DistillRunConfig complete(DistillRunConfig c, DatasetIndex dataset) throws IOException {
    String teacherId = c.teacher() == null ? null : KnowledgeCache.teacherId(Path.of(c.teacher()));
    return c.withIds(DatasetRegistry.fingerprint(dataset), teacherId);
  }
}
