package org.tkdworkbench.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.SameThreadJobRunner;
import org.tkdworkbench.runs.ConfigTable;
import org.tkdworkbench.runs.ParetoFront;
import org.tkdworkbench.runs.ResultsTable;
import org.tkdworkbench.ui.browser.DecodingClipAnalyzer;

class CompareViewModelTest {
  @TempDir Path tmp;

  private CompareViewModel vm() {
    return new CompareViewModel(
        new SameThreadJobRunner(),
        new DecodingClipAnalyzer(new AudioDecoder(), new FeatureCache(tmp.resolve("cache")), DecodingClipAnalyzer.DISPLAY_SPEC),
        Runnable::run);
  }

  @Test
  void twoRunsSideBySideFromTheirFolders() throws Exception {
    Path data = CompareFixtures.dataset(tmp.resolve("data"));
    Path runs = tmp.resolve("runs");
    Path kd = CompareFixtures.run(runs, data, "tc-resnet", 0.25, 1, 0.9, 0.75, 2_000_000, true, 1);
    Path plain = CompareFixtures.run(runs, data, "tc-resnet", 0.0, 1, 0.6, 0.5, 2_000_000, false, 3);
    Path small = CompareFixtures.run(runs, data, "lstm-p", 0.0, 1, 0.5, 0.625, 500_000, false, 0);
    Path broken = CompareFixtures.broken(runs);
    CompareViewModel vm = vm();
    vm.setRuns(List.of(kd, plain, small, broken));

    assertThat(vm.runsProperty().get()).hasSize(3);
    assertThat(vm.problemsProperty().get()).startsWith("zz-broken: ").contains("run.json");

    // Curves: each run's validation accuracy by epoch.
    List<CompareViewModel.Series> overlay = vm.overlay();
    assertThat(overlay.get(0).x()).containsExactly(1, 2, 3);
    assertThat(overlay.get(0).y()).containsExactly(new double[] {0.3, 0.6, 0.9}, within(1e-9));
    vm.metricProperty().set("train loss_att");
    assertThat(vm.overlay().get(1).y()).containsExactly(new double[] {0.2, 0.1, 0.2 / 3}, within(1e-9));

    // Deltas to the pinned baseline (the first run unless chosen).
    vm.baselineProperty().set(plain.getFileName().toString());
    CompareViewModel.Delta d = vm.deltas().get(0);
    assertThat(d.dTest()).isCloseTo(0.25, within(1e-9));
    assertThat(d.dValidation()).isCloseTo(0.3, within(1e-9));

    assertThat(d.soFar()).isFalse();

    // A run still training (no summary yet) is held against the baseline with its best so far:
    // status.json's best validation and the test row written at that best.
    Path live;
    try (org.tkdworkbench.runs.RunWriter w = new org.tkdworkbench.runs.RunStore(runs).create("live",
        java.util.Map.of("student", "crnn", "lambda", 0.5, "seed", 2), List.of("epoch", "step", "split", "loss", "accuracy"))) {
      w.start(10, "accuracy");
      w.appendMetrics(java.util.Map.of("epoch", 1, "step", 5, "split", "validation", "loss", 1.0, "accuracy", 0.7));
      w.appendMetrics(java.util.Map.of("epoch", 1, "step", 5, "split", "test", "loss", 1.1, "accuracy", 0.625));
      w.epochFinished(1, 0.7, true);
      w.appendMetrics(java.util.Map.of("epoch", 2, "step", 10, "split", "validation", "loss", 0.9, "accuracy", 0.65));
      w.epochFinished(2, 0.65, false);
      live = w.folder();
      vm.setRuns(List.of(plain, live));
    }
    vm.baselineProperty().set(plain.getFileName().toString());
    CompareViewModel.Delta l = vm.deltas().get(1);
    assertThat(l.soFar()).isTrue();
    assertThat(l.validation()).isCloseTo(0.7, within(1e-9));
    assertThat(l.test()).isCloseTo(0.625, within(1e-9));
    assertThat(l.dValidation()).isCloseTo(0.1, within(1e-9)); // against the baseline's 0.6
    assertThat(l.dTest()).isCloseTo(0.125, within(1e-9)); // and its 0.5
    vm.setRuns(List.of(kd, plain, small, broken));

    // Config: only lambda and student differ among the keys the runs share.
    assertThat(vm.config()).extracting(ConfigTable.Row::key).containsExactly("student", "lambda");
    vm.differencesOnlyProperty().set(false);
    assertThat(vm.config()).extracting(ConfigTable.Row::key).contains("seed", "training.epochs");

    // Table 2: tc-resnet at λ 0 and 0.25, lstm-p at 0.
    ResultsTable.Table t = vm.table2().get(0);
    assertThat(t.students()).containsExactly("tc-resnet", "lstm-p");
    assertThat(t.bestLambda().get("tc-resnet")).isEqualTo(0.25);

    // Cost: the small student and the distilled one are the front; the plain one is dominated.
    assertThat(ParetoFront.of(vm.points())).extracting(ParetoFront.Point::id)
        .containsExactly(small.getFileName().toString(), kd.getFileName().toString());

    // Per clip: A (distilled) right and B (plain) wrong on test/go/a.wav.
    assertThat(vm.rightInAWrongInB()).containsExactly("test/go/a.wav");
    vm.runBProperty().set(kd.getFileName().toString());
    vm.runAProperty().set(plain.getFileName().toString());
    assertThat(vm.rightInAWrongInB()).isEmpty();
    vm.runAProperty().set(kd.getFileName().toString());
    vm.runBProperty().set(plain.getFileName().toString());
    vm.showClip("test/go/a.wav");
    CompareViewModel.ClipView v = vm.clipProperty().get();
    assertThat(v.seconds()).isCloseTo(1.0, within(1e-3));
    assertThat(v.spectrogram().width()).isGreaterThan(50);
    assertThat(v.studentCurves()).extracting(CompareViewModel.Series::run)
        .containsExactly(kd.getFileName().toString(), plain.getFileName().toString(), small.getFileName().toString());
    assertThat(v.studentCurves().get(0).y()[1]).isCloseTo(0.8, within(1e-6)); // the distilled run's peak
    assertThat(v.target().y()).containsExactly(new double[] {0.1, 0.6, 0.2, 0.1}, within(1e-6));
    assertThat(v.targetName()).contains("teacher").contains(kd.getFileName().toString());
  }
}
