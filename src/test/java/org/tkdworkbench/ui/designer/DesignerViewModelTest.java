package org.tkdworkbench.ui.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.distill.DistillRunConfig;
import org.tkdworkbench.jobs.JobHandle;
import org.tkdworkbench.jobs.SameThreadJobRunner;
import org.tkdworkbench.models.student.StudentArchitecture;
import org.tkdworkbench.models.student.StudentCost;
import org.tkdworkbench.models.student.StudentPreset;
import org.tkdworkbench.models.student.StudentSpec;
import org.tkdworkbench.ui.runs.Training;

class DesignerViewModelTest {
  /** Records what would be queued. */
  private static final class Recorder implements Training {
    final List<DistillRunConfig> started = new ArrayList<>();
    final List<List<DistillRunConfig>> sweeps = new ArrayList<>();

    @Override
    public Path runsRoot() {
      return Path.of("runs");
    }

    @Override
    public JobHandle<?> start(DistillRunConfig config, DatasetIndex dataset, Consumer<Path> created) {
      started.add(config);
      return new SameThreadJobRunner().submit("start", ctx -> {
        created.accept(Path.of("runs/new"));
        return null;
      });
    }

    @Override
    public JobHandle<?> resume(Path folder) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JobHandle<?> sweep(List<DistillRunConfig> cells, DatasetIndex dataset, Consumer<Path> created) {
      sweeps.add(cells);
      return new SameThreadJobRunner().submit("sweep", ctx -> null);
    }
  }

  private static DatasetIndex dataset() {
    List<Clip> clips = List.of(
        new Clip("go/a.wav", Path.of("/data/go/a.wav"), "go", Split.TRAIN),
        new Clip("no/b.wav", Path.of("/data/no/b.wav"), "no", Split.TRAIN),
        new Clip("up/c.wav", Path.of("/data/up/c.wav"), "up", Split.TEST));
    return new DatasetIndex(Path.of("/data"), org.tkdworkbench.data.Layout.FOLDERS, org.tkdworkbench.data.LayoutOptions.defaults(), clips, List.of(), List.of("go", "no", "up"), false, List.of(), List.of());
  }

  @Test
  void fieldsAreCheckedByTheCoreAndTheCostFollowsTheKnobs() {
    Recorder training = new Recorder();
    DesignerViewModel vm = new DesignerViewModel(training, new SameThreadJobRunner(), (spec, frames, engine) -> 1.25, Runnable::run);
    vm.setDataset(dataset(), 4.0);
    vm.setTeachers(List.of(Path.of("/ws/teachers/t1")));
    vm.architectureProperty().set(StudentArchitecture.CRNN);
    // 4 s at 16 kHz, hop 160: 401 frames; 3 classes
    StudentCost expected = StudentCost.of(new StudentSpec(StudentArchitecture.CRNN, StudentPreset.SMALL, 1, 0, 40, 3), 401);
    assertThat(vm.costProperty().get())
        .startsWith(String.format(java.util.Locale.ROOT, "%,d parameters", expected.parameters()))
        .contains("per 4.0 s clip");
    assertThat(vm.latencyProperty().get()).isEqualTo("1.25 ms per clip here on " + org.tkdworkbench.models.Engines.current() + " (median of 20)");
    assertThat(vm.validProperty().get()).isTrue();

    vm.trainingForm().value("epochs").set("ten");
    assertThat(vm.trainingForm().message("epochs").get()).isEqualTo("must be a whole number, found 'ten'");
    assertThat(vm.validProperty().get()).isFalse();
    vm.trainingForm().value("epochs").set("0");
    assertThat(vm.trainingForm().message("epochs").get()).startsWith("must be in 1..10000");
    vm.trainingForm().value("epochs").set("5");
    vm.lossForm().value("lambda").set("-1");
    assertThat(vm.lossForm().message("lambda").get()).startsWith("must be in [0, 1000]");
    assertThat(vm.launchRun((f, h) -> {})).isEmpty();
    assertThat(training.started).isEmpty();
    vm.lossForm().value("lambda").set("0.5");
    vm.sweepForm().value("students").set("tc-resnet,gru");
    assertThat(vm.sweepForm().message("students").get()).contains("gru");
  }

  @Test
  void latencyIsMeasuredOncePerNetworkNotPerKnob() {
    int[] calls = {0};
    DesignerViewModel vm = new DesignerViewModel(new Recorder(), new SameThreadJobRunner(), (spec, frames, engine) -> ++calls[0], Runnable::run);
    vm.setDataset(dataset(), 1.0);
    int before = calls[0];
    vm.lossForm().value("lambda").set("0.5");
    vm.trainingForm().value("epochs").set("3");
    assertThat(calls[0]).as("λ and epochs do not change the network").isEqualTo(before);
    vm.studentForm().value("width").set("2");
    assertThat(calls[0]).isEqualTo(before + 1);
    assertThat(vm.latencyProperty().get()).startsWith(before + 1 + ".00 ms");
  }

  @Test
  void aQueuedLatencyJobSupersededStaysQuietCancelledByTheUserSaysSoAndMeasuresAgain() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<JobHandle<?>> submitted = new ArrayList<>();
    try (org.tkdworkbench.jobs.ExecutorJobRunner one = new org.tkdworkbench.jobs.ExecutorJobRunner(1)) {
      org.tkdworkbench.jobs.JobRunner recording = new org.tkdworkbench.jobs.JobRunner() {
        @Override
        public <T> JobHandle<T> submit(String title, org.tkdworkbench.jobs.Job<T> job) {
          JobHandle<T> h = one.submit(title, job);
          submitted.add(h);
          return h;
        }

        @Override
        public void close() {
          one.close();
        }
      };
      // A training ahead of the latency jobs on the one-thread queue.
      recording.submit("training", ctx -> release.await(10, java.util.concurrent.TimeUnit.SECONDS));
      int[] calls = {0};
      DesignerViewModel vm = new DesignerViewModel(new Recorder(), recording, (spec, frames, engine) -> ++calls[0], Runnable::run);
      vm.setDataset(dataset(), 1.0);
      JobHandle<?> first = submitted.get(submitted.size() - 1);
      vm.studentForm().value("width").set("2"); // a newer student: the queued measurement is superseded
      assertThat(first.state()).isEqualTo(JobHandle.State.CANCELLED);
      assertThat(vm.latencyProperty().get()).as("superseded, not the user's cancel").startsWith("measuring latency");

      JobHandle<?> second = submitted.get(submitted.size() - 1);
      second.cancel(); // the status bar's Cancel
      assertThat(vm.latencyProperty().get()).isEqualTo("latency not measured: cancelled");
      vm.studentForm().value("width").set("2.0"); // the same student again: measured this time
      release.countDown();
      JobHandle<?> third = submitted.get(submitted.size() - 1);
      assertThat(third).isNotSameAs(second);
      third.result().get(10, java.util.concurrent.TimeUnit.SECONDS);
      // The result's handler runs on the job's thread after get() may return: wait for it.
      for (int i = 0; i < 500 && !String.valueOf(vm.latencyProperty().get()).endsWith("(median of 20)"); i++) {
        Thread.sleep(10);
      }
      assertThat(vm.latencyProperty().get()).endsWith("(median of 20)");
      assertThat(calls[0]).as("only the last request ran").isEqualTo(1);
    }
  }

  @Test
  void launchQueuesTheConfiguredRunAndTheSweepGridWithPairedSeeds() {
    Recorder training = new Recorder();
    DesignerViewModel vm = new DesignerViewModel(training, new SameThreadJobRunner(), (spec, frames, engine) -> 2.0, Runnable::run);
    assertThat(vm.launchRun((f, h) -> {})).isEmpty();
    assertThat(vm.messageProperty().get()).contains("Open a dataset");

    vm.setDataset(dataset(), 1.0);
    vm.lossForm().value("lambda").set("0.1");
    vm.trainingForm().value("epochs").set("7");
    vm.trainingForm().value("seed").set("4");
    assertThat(vm.validProperty().get()).isFalse();
    assertThat(vm.messageProperty().get()).startsWith("teacher: this run needs the teacher's attention curves");
    vm.setTeachers(List.of(Path.of("/ws/teachers/t1")));
    assertThat(vm.validProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).isNull();
    List<Path> created = new ArrayList<>();
    assertThat(vm.launchRun((f, h) -> created.add(f))).isPresent();
    DistillRunConfig c = training.started.get(0);
    assertThat(c.student()).isEqualTo("tc-resnet");
    assertThat(c.lambda()).isEqualTo(0.1);
    assertThat(c.seed()).isEqualTo(4);
    assertThat(c.training().epochs()).isEqualTo(7);
    assertThat(c.studentSpec().classes()).isEqualTo(3);
    assertThat(c.target()).isEqualTo("teacher");
    assertThat(c.teacher()).isEqualTo(Path.of("/ws/teachers/t1").toAbsolutePath().toString());
    assertThat(Path.of(c.dataset())).isEqualTo(Path.of("/data").toAbsolutePath());
    assertThat(created).containsExactly(Path.of("runs/new"));

    vm.sweepForm().value("students").set("lstm-p, crnn");
    vm.sweepForm().value("lambdas").set("0,0.25");
    vm.sweepForm().value("seeds").set("2");
    assertThat(vm.launchSweep((f, h) -> {})).isPresent();
    List<DistillRunConfig> cells = training.sweeps.get(0);
    assertThat(cells).extracting(x -> x.student() + " " + x.lambda() + " " + x.seed())
        .containsExactly(
            "lstm-p 0.0 1", "lstm-p 0.0 2", "lstm-p 0.25 1", "lstm-p 0.25 2",
            "crnn 0.0 1", "crnn 0.0 2", "crnn 0.25 1", "crnn 0.25 2");
    assertThat(cells).allMatch(x -> x.training().epochs() == 7);
  }
}
