package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.FieldForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.Refusal;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.jobs.SameThreadJobRunner;
import org.tkdworkbench.ui.wizard.WizardViewModel.SourceKind;
import org.tkdworkbench.ui.wizard.WizardViewModel.Step;

/** The wizard's logic without the toolkit: steps, validation on the right field, jobs, cancel. */
class WizardViewModelTest {
  @TempDir Path tmp;

  private FakeServices services() {
    return new FakeServices(tmp.resolve("ws"), tmp.resolve("sample"));
  }

  private static WizardViewModel inline(FakeServices s) {
    WizardViewModel vm = new WizardViewModel(s, new SameThreadJobRunner(), Runnable::run);
    vm.enter(Step.SOURCE);
    return vm;
  }

  @Test
  void walksEveryStepOnTheSampleAndRegistersTheNoisyVariant() {
    FakeServices s = services();
    WizardViewModel vm = inline(s);
    assertThat(vm.sourceKindProperty().get()).isEqualTo(SourceKind.SAMPLE);
    assertThat(vm.canGoNextProperty().get()).isTrue();

    assertThat(vm.next()).isTrue();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.LAYOUT);
    assertThat(vm.layout().detectedProperty().get()).isEqualTo(Layout.SPEECH_COMMANDS);
    assertThat(vm.layout().layoutProperty().get()).isEqualTo(Layout.SPEECH_COMMANDS);
    assertThat(vm.layout().options()).isEqualTo(LayoutOptions.defaults());

    assertThat(vm.next()).isTrue();
    vm.features().form().value("n_mels").set("64");
    assertThat(vm.canGoNextProperty().get()).isTrue();
    assertThat(vm.next()).isTrue();

    assertThat(vm.stepProperty().get()).isEqualTo(Step.NOISY);
    assertThat(vm.canGoNextProperty().get()).as("no variant is a valid choice").isTrue();
    vm.noisy().enabledProperty().set(true);
    assertThat(vm.noisy().form().text("noise"))
        .isEqualTo(tmp.resolve("sample/_background_noise_").toString());
    assertThat(vm.noisy().form().text("output"))
        .isEqualTo(tmp.resolve("ws/datasets/sample-noisy-4s").toString());
    vm.noisy().form().value("length").set("6");
    assertThat(vm.noisy().form().text("output")).endsWith("sample-noisy-6s");
    vm.noisy().form().value("length").set("4");
    assertThat(vm.next()).isTrue();

    SummaryModel summary = vm.summary();
    assertThat(summary.runningProperty().get()).isFalse();
    assertThat(summary.errorProperty().get()).isNull();
    assertThat(s.calls)
        .containsExactly(
            "detect sample",
            "index sample speech-commands",
            "build sample-noisy-4s from 1 noise files",
            "index sample-noisy-4s speech-commands",
            "report sample-noisy-4s");
    assertThat(s.builtWith.lengthSeconds()).isEqualTo(4.0);
    assertThat(s.builtWith.snrMinDb()).isEqualTo(-6.0);
    assertThat(s.builtWith.snrMaxDb()).isEqualTo(6.0);
    ReportFacts facts = summary.facts();
    assertThat(facts.classes()).isEqualTo("2 classes");
    assertThat(facts.clips()).isEqualTo("6 clips: 4 train · 0 validation · 2 test");
    assertThat(facts.sampleRates()).isEqualTo("16000 Hz (6 clips)");
    assertThat(facts.refusedCount()).isEqualTo("none");
    assertThat(facts.noisy()).startsWith("built 6 clips of 4 s at -6..6 dB SNR (seed 1, 16000 Hz)");
    assertThat(facts.perClass().get("yes")).containsEntry(Split.TRAIN, 2).containsEntry(Split.TEST, 1);
    assertThat(summary.nameProperty().get()).isEqualTo("sample-noisy-4s");
    assertThat(summary.canFinishProperty().get()).isTrue();

    vm.finish();
    RegisteredDataset entry = vm.registeredProperty().get();
    assertThat(entry).isNotNull();
    assertThat(s.registered).hasSize(1);
    RegisteredDataset sent = s.registered.get(0);
    assertThat(sent.root()).isEqualTo(tmp.resolve("ws/datasets/sample-noisy-4s").toString());
    assertThat(sent.layout()).isEqualTo("speech-commands");
    assertThat(sent.features().nMels()).isEqualTo(64);
    assertThat(sent.fingerprint()).isEqualTo("fp-6");
    assertThat(sent.clips()).isEqualTo(6);
    assertThat(vm.importedIndex().root()).isEqualTo(tmp.resolve("ws/datasets/sample-noisy-4s"));
    assertThat(summary.canFinishProperty().get()).as("registered once").isFalse();

    vm.close();
    assertThat(s.discarded).as("a registered variant stays").isEmpty();
  }

  @Test
  void featureProblemsAreAttachedToTheFieldTheyNameAndBlockNext() {
    WizardViewModel vm = inline(services());
    vm.next();
    vm.next();
    FieldForm form = vm.features().form();
    assertThat(vm.canGoNextProperty().get()).isTrue();

    form.value("hop_length").set("2048");
    assertThat(form.message("hop_length").get())
        .isEqualTo("must be in 1..n_fft (512), found 2048");
    for (String other : List.of("sample_rate", "n_fft", "win_length", "n_mels", "fmin", "fmax")) {
      assertThat(form.message(other).get()).as(other).isNull();
    }
    assertThat(vm.canGoNextProperty().get()).isFalse();
    assertThat(vm.next()).isFalse();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.FEATURES);

    // A cross-field rule: raising n_fft makes the same hop valid.
    form.value("n_fft").set("4096");
    assertThat(form.message("hop_length").get()).isNull();
    assertThat(vm.canGoNextProperty().get()).isTrue();

    form.value("n_mels").set("lots");
    assertThat(form.message("n_mels").get()).isEqualTo("must be a whole number, found 'lots'");
    form.value("n_mels").set("64");
    form.value("fmax").set("9000");
    assertThat(form.message("fmax").get()).contains("at most sample_rate/2 (8000)").contains("9000");
    form.value("fmax").set("");
    assertThat(vm.features().specProperty().get().fmax()).isNull();
    assertThat(vm.features().specProperty().get().nMels()).isEqualTo(64);
  }

  /** A wizard on the layout page, the fake services having detected {@code detected}. */
  private WizardViewModel onLayoutPage(Layout detected) {
    FakeServices s = services();
    s.detectedLayout = detected;
    WizardViewModel vm = inline(s);
    vm.next();
    return vm;
  }

  @Test
  void speechCommandsSpeakerFoldsAreAChoiceValidatedBesideTheTestFold() {
    WizardViewModel vm = onLayoutPage(Layout.SPEECH_COMMANDS);
    LayoutSettings layout = vm.layout();
    assertThat(layout.options()).isEqualTo(LayoutOptions.defaults());
    layout.speakerFoldsProperty().set(true);
    assertThat(layout.options()).isEqualTo(LayoutOptions.speakerFolds(10, 2, null));
    layout.speakerTestFoldProperty().set(12);
    assertThat(layout.form().message("test_fold").get()).isEqualTo("must be in 1..10, found 12");
    assertThat(vm.canGoNextProperty().get()).isFalse();
    layout.foldsProperty().set(12);
    assertThat(vm.canGoNextProperty().get()).isTrue();
    assertThat(layout.options()).isEqualTo(LayoutOptions.speakerFolds(12, 12, null));
    // ESC-50 ignores the speaker folds; back to Speech Commands they are still chosen.
    layout.layoutProperty().set(Layout.ESC50);
    assertThat(layout.options()).isEqualTo(new LayoutOptions(5, null, null));
    layout.layoutProperty().set(Layout.SPEECH_COMMANDS);
    assertThat(layout.options().folds()).isEqualTo(12);

    // The fold names the noisy variant's folder, so ten folds make ten folders.
    layout.foldsProperty().set(10);
    layout.speakerTestFoldProperty().set(3);
    assertThat(vm.next()).isTrue();
    assertThat(vm.next()).isTrue();
    vm.noisy().enabledProperty().set(true);
    assertThat(vm.noisy().form().text("output")).endsWith("sample-fold3of10-noisy-4s");
  }

  @Test
  void esc50FoldsAreValidatedBesideTheirFields() {
    WizardViewModel vm = onLayoutPage(Layout.ESC50);
    LayoutSettings layout = vm.layout();
    assertThat(layout.options()).isEqualTo(new LayoutOptions(5, null, null));
    layout.testFoldProperty().set(3);
    layout.validationFoldProperty().set(3);
    assertThat(layout.form().message("validation_fold").get())
        .isEqualTo("must differ from the test fold (3), found 3");
    assertThat(vm.canGoNextProperty().get()).isFalse();
    layout.validationFoldProperty().set(2);
    assertThat(vm.canGoNextProperty().get()).isTrue();
    assertThat(layout.options()).isEqualTo(new LayoutOptions(3, 2, null));

    // Choosing another layout drops the ESC-50 choices.
    layout.layoutProperty().set(Layout.FOLDERS);
    assertThat(layout.options()).isEqualTo(LayoutOptions.defaults());
  }

  @Test
  void noisyProblemsNameTheirFieldsAndATakenOutputIsRefused() {
    FakeServices s = services();
    WizardViewModel vm = inline(s);
    vm.next();
    vm.next();
    vm.next();
    NoisySettings noisy = vm.noisy();
    FieldForm form = noisy.form();
    noisy.enabledProperty().set(true);
    assertThat(vm.canGoNextProperty().get()).isTrue();

    form.value("snr_min").set("10");
    form.value("snr_max").set("0");
    assertThat(form.message("snr_min").get()).contains("snr_min <= snr_max").contains("10.0..0.0");
    assertThat(form.message("snr_max").get()).isEqualTo(form.message("snr_min").get());
    assertThat(vm.canGoNextProperty().get()).isFalse();
    form.value("snr_max").set("12");
    assertThat(vm.canGoNextProperty().get()).isTrue();

    form.value("length").set("0");
    assertThat(form.message("length").get()).isEqualTo("must be in (0, 600] seconds, found 0.0");
    form.value("length").set("2");

    Path taken = tmp.resolve("elsewhere");
    s.taken.add(taken);
    form.value("output").set(taken.toString());
    assertThat(form.message("output").get()).isEqualTo("must be a new or empty folder, found files in " + taken);
    assertThat(vm.canGoNextProperty().get()).isFalse();
    form.value("length").set("8");
    assertThat(form.text("output")).as("a typed output is kept").isEqualTo(taken.toString());
    form.value("output").set("");
    assertThat(form.message("output").get()).isEqualTo("choose a folder for the new dataset, found none");

    // An invalid feature rate reaches the noisy page as a page-wide problem.
    form.value("output").set(tmp.resolve("fresh").toString());
    vm.features().form().value("sample_rate").set("500");
    assertThat(form.generalProperty().get()).startsWith("noisy.sample_rate: must be in 1000..384000 Hz, found 500");

    noisy.enabledProperty().set(false);
    assertThat(vm.canGoNextProperty().get()).as("no variant: nothing to validate").isTrue();
    assertThat(form.message("output").get()).isNull();
  }

  @Test
  void theDefaultOutputSkipsTakenFoldersButMayReuseItsOwnBuild() {
    FakeServices s = services();
    s.taken.add(tmp.resolve("ws/datasets/sample-noisy-4s"));
    WizardViewModel vm = inline(s);
    vm.next();
    vm.next();
    vm.next();
    vm.noisy().enabledProperty().set(true);
    assertThat(vm.noisy().form().text("output")).endsWith("sample-noisy-4s-2");
    vm.next();
    assertThat(s.calls).contains("build sample-noisy-4s-2 from 1 noise files");

    // Back, another seed, Next: the wizard's own build is replaced, not refused.
    vm.back();
    assertThat(vm.noisy().form().text("output")).endsWith("sample-noisy-4s-2");
    vm.noisy().form().value("seed").set("7");
    assertThat(vm.canGoNextProperty().get()).isTrue();
    vm.next();
    assertThat(s.discarded).containsExactly(tmp.resolve("ws/datasets/sample-noisy-4s-2"));
    assertThat(s.builtWith.seed()).isEqualTo(7);

    // Cancelling the wizard removes the unregistered variant.
    vm.close();
    assertThat(s.discarded).hasSize(2);
  }

  @Test
  void backAndNextWithoutChangesShowTheFinishedSummaryAgain() {
    FakeServices s = services();
    WizardViewModel vm = inline(s);
    for (int i = 0; i < 4; i++) {
      vm.next();
    }
    assertThat(vm.summary().outcomeProperty().get()).isNotNull();
    int calls = s.calls.size();
    vm.back();
    vm.back();
    vm.next();
    vm.next();
    assertThat(s.calls).hasSize(calls);
    assertThat(vm.summary().outcomeProperty().get()).isNotNull();
    assertThat(vm.summary().nameProperty().get()).isEqualTo("sample");
  }

  @Test
  void goingBackCancelsTheRunningSummaryAndDropsItsResult() throws Exception {
    FakeServices s = services();
    s.reportGate = new CountDownLatch(1);
    ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    Executor fx = fxQueue::add;
    try (ExecutorJobRunner runner = new ExecutorJobRunner(2)) {
      WizardViewModel vm = new WizardViewModel(s, runner, fx);
      vm.enter(Step.SOURCE);
      vm.next();
      drainUntil(fxQueue, () -> vm.layout().detectedProperty().get() != null);
      vm.next();
      vm.next();
      vm.next();
      SummaryModel summary = vm.summary();
      assertThat(summary.runningProperty().get()).isTrue();
      assertThat(summary.canFinishProperty().get()).isFalse();
      waitFor(() -> s.calls.contains("report sample"));
      waitFor(() -> { summary.pollProgress(); return summary.progressProperty().get() > 0.1; });
      assertThat(summary.progressTextProperty().get()).isEqualTo("Reading clip headers: clip 1 of 4");

      vm.back();
      assertThat(vm.stepProperty().get()).isEqualTo(Step.NOISY);
      assertThat(summary.runningProperty().get()).isFalse();
      waitFor(() -> s.reportSawCancel);
      drain(fxQueue);
      assertThat(summary.outcomeProperty().get()).isNull();
      assertThat(summary.errorProperty().get()).as("a cancel is not an error").isNull();

      // Next again starts over, and this time the report finishes.
      s.reportGate.countDown();
      vm.next();
      drainUntil(fxQueue, () -> summary.outcomeProperty().get() != null);
      assertThat(summary.runningProperty().get()).isFalse();
      assertThat(summary.canFinishProperty().get()).isTrue();
    }
  }

  @Test
  void anUnreadableFolderAndAnEmptyDatasetAreMessagesOnThePage() {
    FakeServices s = services();
    s.sample = null;
    WizardViewModel vm = inline(s);
    assertThat(vm.sampleAvailableProperty().get()).isFalse();
    assertThat(vm.sourceKindProperty().get()).isEqualTo(SourceKind.FOLDER);
    assertThat(vm.sourceMessageProperty().get()).isEqualTo("Choose the dataset's folder.");
    assertThat(vm.canGoNextProperty().get()).isFalse();

    Path missing = tmp.resolve("missing");
    vm.folderProperty().set(missing.toString());
    s.detectFailure = new NoSuchFileException(missing.toString());
    assertThat(vm.next()).isTrue();
    assertThat(vm.detectErrorProperty().get())
        .isEqualTo("Could not read " + missing + ": not found: " + missing);
    assertThat(vm.canGoNextProperty().get()).isFalse();

    // Back, fix the folder, and the layout is detected again.
    s.detectFailure = null;
    s.clipsPerLabel = 0;
    s.refusals = List.of(new Refusal("yes/a.wav", Refusal.Reason.MISSING, "in testing_list.txt"));
    vm.back();
    vm.next();
    assertThat(vm.detectErrorProperty().get()).isNull();
    vm.next();
    vm.next();
    vm.next();
    assertThat(vm.summary().errorProperty().get())
        .isEqualTo("No clips found in " + missing + " read as speech-commands. Refused: "
            + "yes/a.wav: listed but missing (in testing_list.txt) Another layout may fit: go back and choose one.");
    assertThat(vm.summary().canFinishProperty().get()).isFalse();
  }

  @Test
  void aLayoutThatDoesNotFitIsASentenceNamingTheFolderAndTheLayout() {
    FakeServices s = services();
    WizardViewModel vm = inline(s);
    vm.next();
    vm.layout().layoutProperty().set(Layout.ESC50);
    Path csv = tmp.resolve("sample/meta/esc50.csv");
    s.indexFailure = new NoSuchFileException(csv.toString());
    vm.next();
    vm.next();
    vm.next();
    assertThat(vm.summary().errorProperty().get())
        .isEqualTo("Could not import " + tmp.resolve("sample") + " as esc50: not found: " + csv);
    assertThat(vm.summary().progressTextProperty().get()).isEqualTo("Failed");
    assertThat(vm.summary().canFinishProperty().get()).isFalse();

    // Back to the right layout: the summary is redone, not the failure shown again.
    s.indexFailure = null;
    vm.back();
    vm.back();
    vm.back();
    vm.layout().layoutProperty().set(Layout.SPEECH_COMMANDS);
    vm.next();
    vm.next();
    vm.next();
    assertThat(vm.summary().errorProperty().get()).isNull();
    assertThat(vm.summary().canFinishProperty().get()).isTrue();
  }

  private static void drain(ConcurrentLinkedQueue<Runnable> q) {
    for (Runnable r; (r = q.poll()) != null; ) {
      r.run();
    }
  }

  private static void drainUntil(ConcurrentLinkedQueue<Runnable> q, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
      drain(q);
      Thread.sleep(10);
    }
    assertThat(done.getAsBoolean()).as("condition reached").isTrue();
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
    for (int i = 0; i < 500 && !c.call(); i++) {
      Thread.sleep(10);
    }
    assertThat(c.call()).as("condition reached").isTrue();
  }
}
