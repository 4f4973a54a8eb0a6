package org.tkdworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.distill.TeacherTrainer;
import org.tkdworkbench.distill.TrainingConfig;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.models.TeacherConfig;
import org.tkdworkbench.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code teacher train}: trains the transformer teacher on a dataset and saves it as a folder;
 * per-epoch lines go to standard error, the final validation and test metric to standard output.
 * Ctrl-C cancels at the next batch and leaves no output folder.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a transformer teacher on a dataset.")
final class TeacherTrainCommand implements Callable<Integer> {
  private static final TeacherConfig M = TeacherConfig.defaults();
  private static final TrainingConfig T = TrainingConfig.teacherDefaults();

  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset folder.")
  Path dataset;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where to save the teacher; must not exist or be empty (default: <workspace>/teachers/<dataset>-<time>).")
  Path output;

  @Option(names = "--layout", paramLabel = "LAYOUT", description = "auto (default), folders, speech-commands, esc50, fsd50k or manifest.")
  String layout = "auto";

  @Option(names = "--frames-per-token", paramLabel = "N", description = "Log-mel frames per token (default: ${DEFAULT-VALUE}).")
  int framesPerToken = M.framesPerToken();

  @Option(names = "--token-stride", paramLabel = "N", description = "Frames between token starts (default: ${DEFAULT-VALUE}).")
  int tokenStride = M.tokenStride();

  @Option(names = "--model-dim", paramLabel = "N", description = "Embedding width (default: ${DEFAULT-VALUE}).")
  int modelDim = M.modelDim();

  @Option(names = "--layers", paramLabel = "N", description = "Encoder layers (default: ${DEFAULT-VALUE}).")
  int layers = M.layers();

  @Option(names = "--heads", paramLabel = "N", description = "Attention heads per layer (default: ${DEFAULT-VALUE}).")
  int heads = M.heads();

  @Option(names = "--ff-dim", paramLabel = "N", description = "Feed-forward width (default: ${DEFAULT-VALUE}).")
  int ffDim = M.ffDim();

  @Option(names = "--dropout", paramLabel = "P", description = "Dropout probability (default: ${DEFAULT-VALUE}).")
  double dropout = M.dropout();

  @Option(names = "--conv-stem", paramLabel = "N", description = "Channels of a convolutional stem before the tokens; 0 = none (default: ${DEFAULT-VALUE}).")
  int convStem = M.convStem();

  @Option(names = "--stem-time-kernel", paramLabel = "K",
      description = "Odd K: a temporal stem, two 1-D convolutions over time of width K with the mel bins as channels; 0: two 3x3 convolutions over (time, mel) (default: ${DEFAULT-VALUE}).")
  int stemTimeKernel = M.stemTimeKernel();

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = T.seed();

  // picocli toggles a negatable boolean whose field starts true (--no-x would set true): the default
  // and fallback values make --time-shift mean true and --no-time-shift mean false.
  @Option(names = "--time-shift", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Roll training clips in time at random (augmentation; default: on).")
  boolean timeShift;

  @Option(names = "--spec-augment", paramLabel = "N",
      description = "SpecAugment: N frequency and N time masks per training clip and step, 0 = off (default: ${DEFAULT-VALUE}).")
  int specAugment = T.specAugment();

  @Option(names = "--warp", paramLabel = "X",
      description = "Speaker-like augmentation: stretch time and warp the mel axis by factors in [1-X, 1+X], 0 = off (default: ${DEFAULT-VALUE}).")
  double warp = T.warp();

  @Mixin TrainingOptions trainingOptions;

  @Mixin FeatureOptions featureOptions;

  @Mixin EngineOptions engineOptions;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    FeatureSpec fs = featureOptions.toSpec();
    TeacherConfig model = new TeacherConfig(framesPerToken, tokenStride, modelDim, layers, heads, ffDim, dropout, convStem, stemTimeKernel);
    TrainingConfig training = trainingOptions.config(seed).withTimeShift(timeShift).withSpecAugment(specAugment).withWarp(warp);
    List<String> problems = new ArrayList<>(engineOptions.select());
    problems.addAll(model.validate());
    problems.addAll(training.validate());
    problems.addAll(trainingOptions.problems());
    if (!problems.isEmpty()) {
      throw new CliUsageException("invalid settings:\n  " + String.join("\n  ", problems));
    }
    Layout chosen = DatasetSourceOptions.parseLayout(layout);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Workspace ws = ((WorkbenchCommand) spec.root().userObject()).workspace();
    Path target = output;
    if (target == null) {
      String name = dataset.toAbsolutePath().normalize().getFileName() + "-"
          + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
      target = ws.teachers().resolve(name);
    }
    RuntimeSetup.apply();
    try (CliJob job = CliJob.start(err)) {
      DatasetIndex index;
      try {
        index = Datasets.index(dataset, chosen, LayoutOptions.defaults(), job);
      } catch (IOException e) {
        err.println("error: cannot read dataset " + dataset + ": " + DatasetSourceOptions.describe(e));
        return WorkbenchCommand.EXIT_FAILED;
      }
      err.println("Training a teacher on " + index.root());
      if (index.countBySplit().get(Split.VALIDATION) == 0) {
        err.println("note: no validation split; the last epoch is kept");
      }
      TeacherTrainer trainer = new TeacherTrainer(new FeatureCache(ws.featureCache()), new AudioDecoder(), trainingOptions.threads);
      TeacherTrainer.Summary s;
      try {
        s = trainer.train(index, fs, model, training, target, job,
            m -> {
              err.printf(Locale.ROOT, "epoch %d/%d: train loss %.4f, val loss %.4f, val %s %.4f, lr %.2e, %.1f s%n",
                  m.epoch(), training.epochs(), m.trainLoss(), m.validationLoss(), index.multiLabel() ? "mAP" : "accuracy",
                  m.validationMetric(), m.learningRate(), m.seconds());
              err.flush();
            },
            line -> {
              err.println(line);
              err.flush();
            });
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return WorkbenchCommand.EXIT_FAILED;
      }
      err.println("saved " + s.folder());
      out.printf(Locale.ROOT, "validation %s %s (epoch %d), test %s %s%n",
          s.metricName(), format(s.bestValidationMetric()), s.bestEpoch(), s.metricName(), format(s.testMetric()));
      return 0;
    } catch (CancelledException e) {
      err.println("cancelled; nothing was saved");
      return WorkbenchCommand.EXIT_FAILED;
    }
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
