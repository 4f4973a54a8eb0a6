package org.tkdworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.SameThreadJobRunner;

/** Arguments, the job monitor and dataset opening, without the toolkit. */
class ShellTest {
  @TempDir Path tmp;

  @Test
  void argumentsTakeBothFormsAndReportTheRest() {
    AppArgs a = AppArgs.parse(List.of("--workspace", "/w", "--dataset=/d", "--pulse-log", "/p.txt"));
    assertThat(a.workspace()).isEqualTo(Path.of("/w"));
    assertThat(a.dataset()).isEqualTo(Path.of("/d"));
    assertThat(a.pulseLog()).isEqualTo(Path.of("/p.txt"));
    assertThat(a.problems()).isEmpty();
    assertThat(AppArgs.parse(List.of("--dataset", "/d")).pulseLog()).isNull();

    AppArgs bad = AppArgs.parse(List.of("--verbose", "--dataset"));
    assertThat(bad.dataset()).isNull();
    assertThat(bad.problems())
        .containsExactly(
            "ignored argument --verbose (the app takes --workspace DIR, --dataset DIR and --pulse-log FILE)",
            "--dataset needs a path after it");
    assertThat(AppArgs.parse(List.of()).problems()).isEmpty();
  }

  @Test
  void theMonitorShowsTheNewestUnfinishedJobAndForgetsFinishedOnes() throws Exception {
    try (JobMonitor monitor = new JobMonitor(new ExecutorJobRunner(2))) {
      CountDownLatch release = new CountDownLatch(1);
      JobHandle<Integer> slow =
          monitor.submit(
              "slow",
              ctx -> {
                ctx.progress(3, 10, "three of ten");
                release.await(5, TimeUnit.SECONDS);
                return 1;
              });
      monitor.submit("quick", ctx -> 2).result().get(5, TimeUnit.SECONDS);
      for (int i = 0; i < 100 && slow.progress().done() != 3; i++) {
        Thread.sleep(10);
      }
      assertThat(monitor.current()).get().extracting(JobHandle::title).isEqualTo("slow");
      assertThat(monitor.current().get().progress().fraction()).isEqualTo(0.3);
      release.countDown();
      slow.result().get(5, TimeUnit.SECONDS);
      assertThat(monitor.current()).isEmpty();
    }
    try (JobMonitor inline = new JobMonitor(new SameThreadJobRunner())) {
      inline.submit("done at once", ctx -> 1);
      assertThat(inline.current()).isEmpty();
    }
  }

  @Test
  void openingADatasetIndexesItAndSummarises() throws IOException {
    Files.createDirectories(tmp.resolve("speech/yes"));
    Files.write(tmp.resolve("speech/yes/a.wav"), new byte[0]);
    Files.write(tmp.resolve("speech/testing_list.txt"), List.of("yes/gone.wav"));
    ShellViewModel vm = new ShellViewModel(new SameThreadJobRunner(), Runnable::run);
    List<DatasetIndex> loaded = new ArrayList<>();
    List<String> failed = new ArrayList<>();

    vm.openDataset(tmp.resolve("speech"), loaded::add, failed::add);
    assertThat(loaded).hasSize(1);
    assertThat(failed).isEmpty();
    assertThat(vm.datasetSummaryProperty().get()).startsWith("speech: 1 clips, 1 labels");
    assertThat(vm.messageProperty().get()).contains("testing_list.txt").contains("gone.wav");

    vm.openDataset(tmp.resolve("nowhere"), loaded::add, failed::add);
    assertThat(failed)
        .containsExactly("Could not open dataset " + tmp.resolve("nowhere") + ": the folder does not exist");
    assertThat(vm.datasetSummaryProperty().get()).isEqualTo("No dataset");
  }

  @Test
  void openingARegisteredDatasetUsesItsLayoutAndSaysWhenItsFilesChanged() throws IOException {
    Path root = tmp.resolve("speech");
    Files.createDirectories(root.resolve("yes"));
    Files.createDirectories(root.resolve("no"));
    Files.write(root.resolve("yes/a.wav"), new byte[] {1});
    Files.write(root.resolve("no/b.wav"), new byte[] {2});
    ShellViewModel vm = new ShellViewModel(new SameThreadJobRunner(), Runnable::run);
    List<DatasetIndex> loaded = new ArrayList<>();

    vm.openDataset(root, Layout.FOLDERS, LayoutOptions.defaults(), null, loaded::add, t -> {});
    assertThat(loaded).hasSize(1);
    assertThat(loaded.get(0).layout()).isEqualTo(Layout.FOLDERS);
    String fingerprint = DatasetRegistry.fingerprint(loaded.get(0));

    vm.openDataset(root, Layout.FOLDERS, LayoutOptions.defaults(), fingerprint, loaded::add, t -> {});
    assertThat(vm.messageProperty().get()).isEqualTo("Opened " + loaded.get(1).root());

    Files.write(root.resolve("no/c.wav"), new byte[] {3});
    vm.openDataset(root, Layout.FOLDERS, LayoutOptions.defaults(), fingerprint, loaded::add, t -> {});
    assertThat(vm.messageProperty().get())
        .contains("its files changed since it was imported (the fingerprint differs)");

    // An index in hand (the wizard's) is shown as it is, and an open still running cannot replace it.
    DatasetIndex imported = loaded.get(0);
    vm.showDataset(imported, loaded::add);
    assertThat(loaded).last().isSameAs(imported);
    assertThat(vm.datasetSummaryProperty().get()).isEqualTo(imported.summary());
  }
}
