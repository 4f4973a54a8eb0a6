package org.tkdworkbench.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.runs.RunWriter;

/** The runs view's state against real run folders written by the run store. */
class RunsViewModelTest {
  @TempDir Path tmp;

  /** A training port that only knows where the store is, and counts resumes. */
  private final class StoreOnly implements Training {
    int resumes;

    @Override
    public Path runsRoot() {
      return tmp.resolve("runs");
    }

    @Override
    public JobHandle<?> start(DistillRunConfig config, DatasetIndex dataset, Consumer<Path> created) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JobHandle<?> resume(Path folder) {
      resumes++;
      return new org.tkdworkbench.jobs.SameThreadJobRunner().submit("resume", ctx -> folder);
    }

    @Override
    public JobHandle<?> sweep(List<DistillRunConfig> cells, DatasetIndex dataset, Consumer<Path> created) {
      throw new UnsupportedOperationException();
    }
  }

  private static Map<String, Object> row(int epoch, String split, double loss, double acc) {
    return Map.of("epoch", epoch, "split", split, "loss", loss, "loss_cls", loss, "loss_att", Double.NaN, "accuracy", acc);
  }

  private static final List<String> COLUMNS = List.of("epoch", "split", "loss", "loss_cls", "loss_att", "accuracy");

  @Test
  void followsTheSelectedRunsRowsAndLogAndListsABrokenFolderWithItsError() throws Exception {
    StoreOnly training = new StoreOnly();
    RunStore store = new RunStore(training.runsRoot());
    RunsViewModel vm = new RunsViewModel(training, Runnable::run);
    try (RunWriter w = store.create("live", Map.of("student", "tc-resnet", "lambda", 0.25, "seed", 1), COLUMNS)) {
      w.start(3, "accuracy");
      w.appendMetrics(row(1, "train", 2.0, Double.NaN));
      w.appendMetrics(row(1, "validation", 1.5, 0.5));
      w.log("epoch 1 done");
      Files.createDirectories(training.runsRoot().resolve("zz-broken"));
      Files.writeString(training.runsRoot().resolve("zz-broken/run.json"), "{ not json");

      vm.pollNow();
      assertThat(vm.runs()).hasSize(2);
      RunListing live = vm.runs().get(0);
      assertThat(live.state()).isEqualTo(RunState.RUNNING);
      assertThat(vm.progress(live)).isEqualTo(0.0); // no epoch finished yet
      RunListing broken = vm.runs().get(1);
      assertThat(broken.ok()).isFalse();
      assertThat(broken.name()).isEqualTo("zz-broken");
      assertThat(broken.error()).contains("run.json: not valid JSON");

      vm.selectedProperty().set(live);
      vm.pollNow();
      assertThat(curve(vm, "train", "loss").y()).containsExactly(2.0);
      assertThat(curve(vm, "validation", "accuracy").y()).containsExactly(0.5);
      assertThat(curve(vm, "train", "loss_att").hasData()).isFalse();
      assertThat(vm.logProperty().get()).endsWith("epoch 1 done\n");
      List<RunCurves.Curve> before = vm.curvesProperty().get();
      vm.pollNow();
      assertThat(vm.curvesProperty().get()).as("nothing new: no redraw").isSameAs(before);

      w.epochFinished(1, 0.5, true);
      w.appendMetrics(row(2, "train", 1.0, Double.NaN));
      vm.pollNow();
      assertThat(curve(vm, "train", "loss").x()).containsExactly(1.0, 2.0);
      assertThat(curve(vm, "train", "loss").y()).containsExactly(2.0, 1.0);
      assertThat(vm.canResume(vm.selectedProperty().get())).as("running elsewhere").isFalse();
    }
    // The writer went away without finishing: interrupted, resumable.
    for (int i = 0; i < RunsViewModel.LIST_EVERY; i++) {
      vm.pollNow();
    }
    RunListing after = vm.selectedProperty().get();
    assertThat(after.state()).isEqualTo(RunState.INTERRUPTED);
    assertThat(vm.progress(after)).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(vm.canResume(after)).isTrue();
    assertThat(curve(vm, "train", "loss").y()).as("a re-list keeps the curves").containsExactly(2.0, 1.0);
    vm.resume();
    assertThat(training.resumes).isEqualTo(1);
  }

  /**
   * A launch's first run is followed (the click asked for it); a sweep's next run only while the
   * user still follows the sweep: a run picked by hand stays selected.
   */
  @Test
  void followsASweepsNextRunOnlyWhileTheUserFollowsTheSweep() throws Exception {
    StoreOnly training = new StoreOnly();
    RunStore store = new RunStore(training.runsRoot());
    RunsViewModel vm = new RunsViewModel(training, Runnable::run);
    org.tkdworkbench.jobs.SameThreadJobRunner runner = new org.tkdworkbench.jobs.SameThreadJobRunner();
    JobHandle<?> sweep = runner.submit("sweep", ctx -> null);
    JobHandle<?> launch = runner.submit("launch", ctx -> null);
    Map<String, Object> config = Map.of("student", "tc-resnet", "lambda", 0.25, "seed", 1);
    try (RunWriter old = store.create("a-old", config, COLUMNS); RunWriter s1 = store.create("b-s1", config, COLUMNS);
        RunWriter s2 = store.create("c-s2", config, COLUMNS); RunWriter s3 = store.create("d-s3", config, COLUMNS);
        RunWriter r1 = store.create("e-r1", config, COLUMNS)) {
      vm.pollNow();
      vm.selectedProperty().set(vm.runs().get(0));
      assertThat(selected(vm)).isEqualTo(old.folder());

      vm.track(s1.folder(), sweep);
      vm.pollNow();
      assertThat(selected(vm)).as("the sweep's first run: the user's click").isEqualTo(s1.folder());
      vm.track(s2.folder(), sweep);
      vm.pollNow();
      assertThat(selected(vm)).as("the user follows the sweep").isEqualTo(s2.folder());

      vm.selectedProperty().set(vm.runs().get(0)); // the user looks at the old run again
      vm.track(s3.folder(), sweep);
      vm.pollNow();
      assertThat(selected(vm)).as("a run picked by hand stays").isEqualTo(old.folder());

      vm.track(r1.folder(), launch);
      vm.pollNow();
      assertThat(selected(vm)).as("a new launch's run").isEqualTo(r1.folder());
    }
  }

  private static Path selected(RunsViewModel vm) {
    return vm.selectedProperty().get() == null ? null : vm.selectedProperty().get().folder();
  }

  private static RunCurves.Curve curve(RunsViewModel vm, String split, String column) {
    return vm.curvesProperty().get().stream()
        .filter(c -> c.split().equals(split) && c.column().equals(column))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no curve " + split + "/" + column + " in " + vm.curvesProperty().get()));
  }
}
