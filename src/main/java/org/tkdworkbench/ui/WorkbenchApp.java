package org.tkdworkbench.ui;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.AudioPlayer;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.ui.browser.ClipBrowserView;
import org.tkdworkbench.ui.browser.ClipBrowserViewModel;
import org.tkdworkbench.ui.browser.DecodingClipAnalyzer;
import org.tkdworkbench.ui.datasets.DatasetsView;
import org.tkdworkbench.ui.datasets.DatasetsViewModel;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.models.student.LatencyBenchmark;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.ui.compare.CompareView;
import org.tkdworkbench.ui.compare.CompareViewModel;
import org.tkdworkbench.ui.designer.DesignerView;
import org.tkdworkbench.ui.designer.DesignerViewModel;
import org.tkdworkbench.ui.inspector.InspectorSetup;
import org.tkdworkbench.ui.inspector.TeacherTraining;
import org.tkdworkbench.ui.inspector.WorkspaceTeachers;
import org.tkdworkbench.ui.runs.CoreTraining;
import org.tkdworkbench.ui.runs.RunsView;
import org.tkdworkbench.ui.runs.RunsViewModel;
import org.tkdworkbench.ui.runs.Training;
import org.tkdworkbench.ui.inspector.InspectorView;
import org.tkdworkbench.ui.inspector.InspectorViewModel;
import org.tkdworkbench.ui.shell.AppArgs;
import org.tkdworkbench.ui.shell.JobMonitor;
import org.tkdworkbench.ui.shell.Section;
import org.tkdworkbench.ui.shell.ShellView;
import org.tkdworkbench.ui.shell.ShellViewModel;
import org.tkdworkbench.ui.wizard.CoreWizardServices;
import org.tkdworkbench.ui.wizard.WizardServices;
import org.tkdworkbench.ui.wizard.WizardView;
import org.tkdworkbench.ui.wizard.WizardViewModel;
import org.tkdworkbench.workspace.Workspace;

/**
 * The app and its composition root: builds the services (one job runner, decoder, feature cache in
 * the workspace, audio output, the dataset registry), the sections and the shell, opens the
 * dataset, and on close cancels jobs, stops playback and releases the runner. The Datasets section
 * is the registered-datasets panel (with "Import dataset…", which opens the wizard) beside the clip
 * browser. The Teacher section is the attention inspector on the same open dataset. The Student
 * section designs and launches runs onto the training queue (one thread); the Runs section follows
 * them and every other run in the workspace's store; Compare shows a selection of runs side by side.
 */
public class WorkbenchApp extends Application {
  /** Window size on first open. */
  public static final double WIDTH = 1280;

  public static final double HEIGHT = 800;

  private static final int JOB_THREADS = 2;

  private final AppArgs presetArgs;
  private final Supplier<PlaybackOutput> outputs;
  private final Function<Workspace, InspectorSetup> inspectorSetup;
  private final java.util.function.BiFunction<Workspace, JobMonitor, Training> trainingSetup;
  private final DesignerViewModel.Latency latency;
  private InspectorView inspector;
  private JobMonitor jobs;
  private PlaybackOutput output;
  private ShellView shell;
  private ClipBrowserView browser;
  private DatasetsViewModel datasetsVm;
  private DatasetsView datasetsView;
  private WizardServices wizardServices;
  private JobMonitor trainingQueue;
  private org.tkdworkbench.ui.setup.AppSetup appSetup;
  private org.tkdworkbench.ui.setup.ErrorReporter errors;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkbenchApp.class);
  /** The training queue's OS nice value (see {@link org.tkdworkbench.jobs.ThreadPriority}). */
  static final int TRAINING_NICE = 10;
  private RunsView runsView;

  /** The app as launched: arguments from the command line, sound through Java Sound. */
  public WorkbenchApp() {
    this(null, AudioPlayer::new);
  }

  /** For tests: fixed arguments and a chosen audio output. */
  public WorkbenchApp(AppArgs args, Supplier<PlaybackOutput> outputs) {
    this(args, outputs, InspectorSetup::of);
  }

  /** For tests: also the inspector's teachers, rollout and export path. */
  public WorkbenchApp(
      AppArgs args,
      Supplier<PlaybackOutput> outputs,
      Function<Workspace, InspectorSetup> inspectorSetup) {
    this(args, outputs, inspectorSetup, (ws, queue) -> new CoreTraining(queue, ws, JOB_THREADS),
        (spec, frames, engine) -> LatencyBenchmark.measure(spec, frames, 20, engine));
  }

  /** For tests: also the training port and the latency measurement. */
  public WorkbenchApp(
      AppArgs args,
      Supplier<PlaybackOutput> outputs,
      Function<Workspace, InspectorSetup> inspectorSetup,
      java.util.function.BiFunction<Workspace, JobMonitor, Training> trainingSetup,
      DesignerViewModel.Latency latency) {
    this.presetArgs = args;
    this.outputs = outputs;
    this.inspectorSetup = inspectorSetup;
    this.trainingSetup = trainingSetup;
    this.latency = latency;
  }

  @Override
  public void start(Stage stage) {
    AppArgs args =
        presetArgs != null
            ? presetArgs
            : AppArgs.parse(getParameters() == null ? List.of() : getParameters().getRaw());
    appSetup = new org.tkdworkbench.ui.setup.AppSetup(args.workspace(), org.tkdworkbench.workspace.AppSettings.defaultFile());
    Workspace workspace = appSetup.workspace();
    errors = org.tkdworkbench.ui.setup.ErrorReporter.install(() -> stage, appSetup.logFile());
    jobs = new JobMonitor(new ExecutorJobRunner(JOB_THREADS));
    output = outputs.get();
    AudioDecoder decoder = new AudioDecoder();
    FeatureCache cache = new FeatureCache(workspace.featureCache());

    ClipBrowserViewModel browserVm =
        new ClipBrowserViewModel(
            jobs,
            file -> decoder.probe(file).durationSeconds(),
            new DecodingClipAnalyzer(decoder, cache, DecodingClipAnalyzer.DISPLAY_SPEC),
            output,
            Platform::runLater);
    browser = new ClipBrowserView(browserVm);

    ShellViewModel shellVm = new ShellViewModel(jobs, Platform::runLater);
    browserVm.statusProperty().addListener((o, a, text) -> shellVm.setMessage(text));

    datasetsVm = new DatasetsViewModel(new DatasetRegistry(workspace)::list, jobs, Platform::runLater);
    wizardServices = new CoreWizardServices(workspace, decoder, JOB_THREADS);
    datasetsView =
        new DatasetsView(
            datasetsVm,
            browser.root(),
            () -> importDataset(shellVm, browserVm),
            entry -> openRegistered(entry, shellVm, browserVm));
    datasetsVm.refresh();

    InspectorSetup setup = inspectorSetup.apply(workspace);
    InspectorViewModel inspectorVm =
        new InspectorViewModel(
            jobs,
            setup.teachers(),
            (clip, spec) -> cache.get(clip.path(), spec, decoder),
            new DecodingClipAnalyzer(decoder, cache, DecodingClipAnalyzer.DISPLAY_SPEC),
            setup.maps(),
            output,
            Platform::runLater);
    inspector = new InspectorView(inspectorVm, setup.saveChooser());
    // The inspector shows the dataset open in the browser.
    browserVm.datasetProperty().addListener((o, a, index) -> inspectorVm.setDataset(index));
    inspectorVm
        .messageProperty()
        .addListener(
            (o, a, text) -> {
              if (text != null) {
                shellVm.setMessage(text);
              }
            });
    // Training has its own one-thread queue: runs wait for each other, not for decoding jobs. It
    // runs below the UI's priority (nice 10, its engine workers too): on two cores the engine
    // would otherwise take both, and the FX and render threads would wait up to 80 ms for a core
    // (measured with --pulse-log; README, Responsiveness).
    // Its jobs (runs, teacher trainings, latency) are the ones the status bar offers to cancel.
    trainingQueue = new JobMonitor(new ExecutorJobRunner(1, "tkd-train", TRAINING_NICE), true);
    Training training = trainingSetup.apply(workspace, trainingQueue);
    RunsViewModel runsVm = new RunsViewModel(training, Platform::runLater);
    runsVm.messageProperty().addListener((o, a, text) -> shellVm.setMessage(text));
    DesignerViewModel designerVm =
        new DesignerViewModel(
            training,
            // Latency is measured on the training queue: never beside a training run on the engine.
            trainingQueue,
            latency,
            Platform::runLater);
    designerVm.messageProperty().addListener((o, a, text) -> shellVm.setMessage(text));
    browserVm.datasetProperty().addListener((o, a, index) -> openForDesigner(index, designerVm, decoder));
    listTeachers(workspace, designerVm);
    DesignerView designer =
        new DesignerView(
            designerVm,
            runsVm::track,
            () -> shell.show("navRuns"));
    CompareViewModel compareVm =
        new CompareViewModel(
            jobs, new DecodingClipAnalyzer(decoder, cache, DecodingClipAnalyzer.DISPLAY_SPEC), Platform::runLater);
    compareVm.problemsProperty().addListener((o, a, text) -> {
      if (text != null && !text.isEmpty()) {
        shellVm.setMessage(text);
      }
    });
    CompareView compare = new CompareView(compareVm, output);
    runsView =
        new RunsView(
            runsVm,
            selection -> {
              compareVm.setRuns(selection.stream().map(RunListing::folder).toList());
              shell.show("navCompare");
            });
    runsVm.startPolling();
    TeacherTraining teacherTraining =
        new TeacherTraining(trainingQueue, workspace.teachers(), cache, decoder, JOB_THREADS, Platform::runLater,
            shellVm::setMessage, () -> {
              inspectorVm.refreshTeachers();
              listTeachers(workspace, designerVm);
            });
    inspector.setOnTrainTeacher(
        () -> teacherTraining.start(shell.root().getScene().getWindow(), browserVm.datasetProperty().get()));
    shell =
        new ShellView(
            shellVm,
            // Training first: a long job stays in the bar (with its Cancel) while short decoding
            // and spectrogram jobs come and go; their own views say what they do.
            List.of(trainingQueue, jobs),
            List.of(
                new Section("navDatasets", "Datasets", datasetsView.root()),
                new Section("navTeacher", "Teacher", inspector.root()),
                new Section("navStudent", "Student", designer.root()),
                new Section("navRuns", "Runs", runsView.root()),
                new Section("navCompare", "Compare", compare.root())));

    appSetup.install(shell, () -> stage, jobs);

    Scene scene = new Scene(shell.root(), WIDTH, HEIGHT);
    scene
        .getStylesheets()
        .add(WorkbenchApp.class.getResource("/org/tkdworkbench/ui/workbench.css").toExternalForm());
    // Ctrl+Q closes the window like the close button: stop() then cancels jobs and playback.
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
    stage.setTitle("TKD Workbench");
    addIcon(stage);
    stage.setScene(scene);
    stage.show();
    browser.focusTable();
    runsView.warmUp(); // before any training competes for the cores

    Path dataset = args.dataset() != null ? args.dataset() : SampleDataset.locate().orElse(null);
    if (dataset == null) {
      String text =
          "No dataset: the bundled sample-audio folder was not found. Start with --dataset DIR.";
      browserVm.setDatasetProblem(text);
      shellVm.setMessage(text);
    } else {
      boolean bundled = args.dataset() == null;
      shellVm.openDataset(dataset, index -> {
        browserVm.setDataset(index);
        if (bundled) {
          registerSample(index);
        }
      }, browserVm::setDatasetProblem);
    }
    List<String> problems = new java.util.ArrayList<>(appSetup.problems());
    problems.addAll(args.problems());
    shellVm.setMessage(problems.isEmpty() ? appSetup.greeting() : String.join("; ", problems));
    if (!appSetup.problems().isEmpty()) {
      // The status line is soon replaced ("Opened …"): what went wrong with the settings, the
      // workspace or the log stays in a dialog until read.
      javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
          String.join("\n\n", appSetup.problems()));
      a.setHeaderText("The app started, with problems");
      a.initOwner(stage);
      a.show();
    }
    if (args.pulseLog() != null) {
      org.tkdworkbench.ui.shell.FxPulseProbe.logTo(args.pulseLog(), javafx.util.Duration.seconds(10));
    }
  }

  /** Registers the bundled sample in a new workspace's dataset list (a job), so Datasets lists it. */
  private void registerSample(DatasetIndex index) {
    jobs.submit("Registering the sample", ctx -> SampleDataset.registerIfAbsent(new DatasetRegistry(appSetup.workspace()), index))
        .result()
        .whenComplete((added, err) -> Platform.runLater(() -> {
          if (err != null) {
            LOG.warn("Could not register the bundled sample in {}: {}", appSetup.workspace().root(), err.toString());
          } else if (added.isPresent()) {
            datasetsVm.refresh();
          }
        }));
  }

  /** Offers the workspace's teachers to the designer (listed in a job). */
  private void listTeachers(Workspace workspace, DesignerViewModel designerVm) {
    jobs.submit("Listing teachers", ctx -> new WorkspaceTeachers(workspace.teachers()).list())
        .result()
        .thenAccept(list -> Platform.runLater(() -> designerVm.setTeachers(list)));
  }

  /** Hands the open dataset to the designer with its first clip's length (for the cost panel). */
  private void openForDesigner(DatasetIndex index, DesignerViewModel designerVm, AudioDecoder decoder) {
    if (index == null || index.clips().isEmpty()) {
      return;
    }
    designerVm.setDataset(index, 0);
    jobs.submit("Reading clip length", ctx -> decoder.probe(index.clips().get(0).path()).durationSeconds())
        .result()
        .thenAccept(seconds -> Platform.runLater(() -> designerVm.setDataset(index, seconds)));
  }

  /** Runs the dataset wizard (modal); a registered import becomes the open dataset. */
  private void importDataset(ShellViewModel shellVm, ClipBrowserViewModel browserVm) {
    WizardViewModel vm = new WizardViewModel(wizardServices, jobs, Platform::runLater);
    new WizardView(vm, datasetsView.root())
        .showAndWait(
            (stored, index) -> {
              datasetsVm.setOpen(stored.id());
              datasetsVm.refresh();
              shellVm.showDataset(index, browserVm::setDataset);
              shellVm.setMessage("Imported " + stored.name() + ": " + index.summary());
            });
  }

  /** Opens a registered dataset as it was registered (layout, options), checking its fingerprint. */
  private void openRegistered(
      RegisteredDataset entry, ShellViewModel shellVm, ClipBrowserViewModel browserVm) {
    shellVm.openDataset(
        Path.of(entry.root()),
        Layout.fromCliName(entry.layout()).orElse(null),
        entry.options() == null ? LayoutOptions.defaults() : entry.options(),
        entry.fingerprint(),
        browserVm::setDataset,
        text -> {
          datasetsVm.setOpen(null);
          browserVm.setDatasetProblem(text);
        });
  }

  private static void addIcon(Stage stage) {
    try (InputStream in = WorkbenchApp.class.getResourceAsStream("/org/tkdworkbench/app/icon-64.png")) {
      if (in != null) {
        stage.getIcons().add(new Image(in));
      }
    } catch (Exception e) {
      // No icon is not worth a word to the user.
    }
  }

  /** Window closed: stop the sound, cancel every job, let the daemon workers go. */
  @Override
  public void stop() {
    if (browser != null) {
      browser.dispose();
    }
    if (inspector != null) {
      inspector.dispose();
    }
    if (shell != null) {
      shell.dispose();
    }
    if (output != null) {
      output.close();
    }
    if (runsView != null) {
      runsView.dispose();
    }
    if (trainingQueue != null) {
      trainingQueue.close();
    }
    if (jobs != null) {
      jobs.close();
    }
    if (errors != null) {
      errors.uninstall();
    }
    org.tkdworkbench.workspace.LogFiles.detach();
  }
}
